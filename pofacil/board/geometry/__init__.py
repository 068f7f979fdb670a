"""Where things are drawn and how they look: cell grids, cluster frames, links, badges and
board bounds computed from the model alone, and the style they are drawn in, for the screen
and every export."""

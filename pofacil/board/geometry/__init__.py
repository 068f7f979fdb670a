"""Where things are drawn: cell grids, cluster frames, links and board bounds, computed from the model alone, for the screen and every export."""

"""PySide6 widgets: the board window, scene and items, dialogs."""

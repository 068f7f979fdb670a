"""The Qt-free core: workshop model, operations, storage, import and export formats."""

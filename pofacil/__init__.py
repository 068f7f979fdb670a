"""pofacil: an offline facilitation board for in-room workshops."""

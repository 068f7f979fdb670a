"""The workshop file: the SQLite store, its schema and migrations, the lock that tells another
pofacil it is open, and durable all-or-nothing writes."""

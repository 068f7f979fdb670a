"""Data files shipped with pofacil: fonts, templates, translations, the sample workshop."""

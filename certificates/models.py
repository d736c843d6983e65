"""Certificate designs, issued certificates and their verification live here."""

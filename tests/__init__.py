"""The tests, one package per subpackage of helpers."""

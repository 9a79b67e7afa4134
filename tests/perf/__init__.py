"""The benchmark of issue 8 (`make bench`, scripts/bench); not part of `make test`."""

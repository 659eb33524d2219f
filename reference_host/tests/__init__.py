"""Tests of the SRE Bot host, mirroring the source tree."""

"""Map, timeline and offline asset wiring for Lagebild (no streamlit here)."""
from viz.geometry import CoordinateError, coordinate_problems, validate_point
from viz.mapping import build_map, map_bounds

__all__ = ["CoordinateError", "build_map", "coordinate_problems", "map_bounds",
           "validate_point"]

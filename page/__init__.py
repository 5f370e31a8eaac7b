"""The Streamlit page's parts; ``app.py`` wires them. Each module reads its
widgets, calls store/ viz/ extract and renders one part of the page:

- ``header``: the line under the title, the skip links past the map
- ``cache``: the cached store, pipeline and store reads (st.cache_resource/st.cache_data)
- ``sidebar``: the filters (date window with step/play, facets, free text ...)
- ``map_view``: the map, and picking events on it or in the table
- ``downloads``: CSV and GeoJSON of exactly the filtered set
- ``corrections``: the correction form
- ``ingest_panel``: "Add articles" (paste, upload) and the demo seed
"""

"""foreign_ties: how Son La, Lang Son, Tuyen Quang and Viet Nam engage with the world.

The package holds all logic of the dashboard; Streamlit is imported only in `ui.py`.
"""

"""The workloads as a Streamlit user writes them: a script rerun on every interaction.

Run as Streamlit's users run it: ``streamlit run streamlit_app.py``. ``st.text_input`` sends
its value on Enter (or blur), not per keystroke, so there is no fast-typing workload here.
"""

import time

import peer_common as common
import streamlit as st

st.text_input("key", key="key_in")
with st.container(key="key_out"):
    st.write(st.session_state.key_in.upper())


def stream():
    yield common.run_tag()
    yield from common.tokens()


if st.button("Stream", key="stream_go"):
    with st.container(key="stream_out"):
        st.write_stream(stream())

burst = st.button("Images", key="images_go")
paced = st.button("Paced images", key="images_paced_go")
slot = st.container(key="images_out").empty()
if burst or paced:
    for image in common.noise():
        slot.image(image)
        if paced:
            time.sleep(common.PACE_SECONDS)

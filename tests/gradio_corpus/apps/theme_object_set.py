"""A Gradio theme object with .set(...): gr.themes.Soft().set(...) is accepted; Go shows 'soft'."""

import warnings

import reactive as gr

with warnings.catch_warnings():
    warnings.simplefilter("ignore", gr.CompatibilityWarning)  # Gradio's CSS variables: not drawn
    theme = gr.themes.Soft().set(button_primary_background_fill="#ff0000")
with gr.Blocks(theme=theme) as demo:
    out = gr.Textbox(label="Out", elem_id="out")
    gr.Button("Go", elem_id="go").click(lambda: "soft", None, out)

CHECK = [("click", "go"), ("expect", "out", "soft")]

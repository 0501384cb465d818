"""Markdown headers and a Markdown output; clicking Title writes '# Done' into the output."""

import reactive as gr

with gr.Blocks() as demo:
    gr.Markdown("# Headline\n## Subtitle\nSome text.")
    out = gr.Markdown(elem_id="out")
    gr.Button("Title", elem_id="title").click(lambda: "# Done", None, out)

CHECK = [("click", "title"), ("expect", "out", "# Done")]

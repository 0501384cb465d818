"""A multiselect Dropdown's select: choosing a then c shows 'c on -> a,c'."""

import reactive as gr

with gr.Blocks() as demo:
    tags = gr.Dropdown(["a", "b", "c"], multiselect=True, label="Tags", elem_id="tags")
    said = gr.Textbox(label="Said", elem_id="said")

    def toggled(chosen, evt: gr.SelectData):
        return f"{evt.value} {'on' if evt.selected else 'off'} -> {','.join(chosen)}"

    tags.select(toggled, tags, said)

CHECK = [("input", "tags", ["a"]), ("input", "tags", ["a", "c"]), ("expect", "said", "c on -> a,c")]

"""gr.Interface with a generator streams: submitting 3 ends with '0,1,2'."""

import reactive as gr


def count(n):
    shown = []
    for i in range(int(n)):
        shown.append(str(i))
        yield ",".join(shown)


demo = gr.Interface(count, gr.Number(value=3, elem_id="n"), gr.Textbox(elem_id="out"))

CHECK = [("click", "button-2"), ("expect", "out", "0,1,2")]

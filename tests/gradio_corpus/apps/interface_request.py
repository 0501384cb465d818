"""gr.Interface with request: gr.Request injected: submitting 'a' shows 'a from a session'."""

import reactive as gr


def tag(text, request: gr.Request):
    return f"{text} from {'a session' if request.session_hash else 'nowhere'}"


demo = gr.Interface(tag, gr.Textbox(elem_id="text"), gr.Textbox(elem_id="out"))

CHECK = [("input", "text", "a"), ("click", "button-2"), ("expect", "out", "a from a session")]

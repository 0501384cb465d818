"""chatbot.edit: editing message 0 to 'hey' shows 'edited 0: hi -> hey'."""

import reactive as gr

with gr.Blocks() as demo:
    chat = gr.Chatbot(
        value=[{"role": "user", "content": "hi"}], type="messages", editable="user", elem_id="chat"
    )
    said = gr.Textbox(label="Said", elem_id="said")

    def edited(data: gr.EditData):
        return f"edited {data.index}: {data.previous_value} -> {data.value}"

    chat.edit(edited, None, said)

CHECK = [
    ("trigger", "chat", "edit", {"index": 0, "value": "hey", "previous_value": "hi"}),
    ("expect", "said", "edited 0: hi -> hey"),
]

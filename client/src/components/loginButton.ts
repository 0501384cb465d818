// loginbutton: Gradio's "Sign in with Hugging Face". Sign-in needs a Hugging Face Space's OAuth,
// which a locally run app does not have: a click says so under the button (prop `unavailable`)
// and is still a click trigger, so functions bound to it run.

import type { Props } from "../protocol/messages";
import { ButtonView } from "./button";
import { el } from "./dom";
import { str } from "./props";
import type { ViewContext } from "./view";

export class LoginButtonView extends ButtonView {
  constructor(id: string, props: Props, ctx: ViewContext) {
    super(id, props, ctx, "loginbutton");
    const note = el("div", "rx-login-note", str(props, "unavailable") ?? "");
    note.setAttribute("role", "status");
    note.hidden = true;
    this.button.after(note);
    this.button.addEventListener("click", () => {
      note.hidden = false;
    });
  }
}

// Component type -> view class. The one extension seam: registerComponent adds a type.

import type { ComponentSpec, Props } from "../protocol/messages";
import { ClearButtonView, DownloadButtonView } from "./actionButtons";
import { BlockOutputView } from "./blockOutput";
import { BrowserStateView } from "./browserState";
import { ButtonView } from "./button";
import { ChatbotView } from "./chatbot";
import { CheckboxView } from "./checkbox";
import { CheckboxGroupView } from "./checkboxgroup";
import { ColorPickerView } from "./colorpicker";
import { DataFrameView } from "./dataframe";
import { DatasetView } from "./dataset";
import { DialogueView, ParamViewerView } from "./dialogue";
import { DropdownView } from "./dropdown";
import { FileView } from "./file";
import { NavbarView } from "./navbar";
import { FileExplorerView } from "./fileExplorer";
import { UploadButtonView } from "./uploadButton";
import { GalleryView } from "./gallery";
import { HighlightedTextView } from "./highlighted";
import { HtmlView } from "./html";
import { HtmlTemplateView } from "./htmlTemplate";
import { ImageView } from "./image";
import { ImageEditorView } from "./imageEditor";
import { ImageSliderView } from "./imageSlider";
import { AnnotatedImageView } from "./annotatedImage";
import { AudioView } from "./audio";
import { VideoView } from "./video";
import { JsonView } from "./json";
import { LabelView } from "./label";
import { LoginButtonView } from "./loginButton";
import { DeepLinkButtonView } from "./deepLinkButton";
import { MultimodalTextboxView } from "./multimodal";
import { MarkdownView } from "./markdown";
import { Model3DView } from "./model3d";
import { MultiselectView } from "./multiselect";
import { NativePlotView } from "./nativeplot";
import { NumberView } from "./number";
import { PlotView } from "./plot";
import { RadioView } from "./radio";
import { RenderView } from "./render";
import { SliderView } from "./slider";
import { TextView } from "./text";
import { TextboxView } from "./textbox";
import { UnknownView } from "./unknown";
import type { ComponentView, ViewContext } from "./view";

export type ViewFactory = (id: string, props: Props, ctx: ViewContext) => ComponentView;

const factories = new Map<string, ViewFactory>([
  ["textbox", (id, props, ctx) => new TextboxView(id, props, ctx)],
  ["number", (id, props, ctx) => new NumberView(id, props, ctx)],
  ["slider", (id, props, ctx) => new SliderView(id, props, ctx)],
  ["checkbox", (id, props, ctx) => new CheckboxView(id, props, ctx)],
  ["checkboxgroup", (id, props, ctx) => new CheckboxGroupView(id, props, ctx)],
  ["radio", (id, props, ctx) => new RadioView(id, props, ctx)],
  ["dropdown", (id, props, ctx) => (props["multiselect"] === true ? new MultiselectView(id, props, ctx) : new DropdownView(id, props, ctx))],
  ["colorpicker", (id, props, ctx) => new ColorPickerView(id, props, ctx)],
  ["button", (id, props, ctx) => new ButtonView(id, props, ctx)],
  ["clearbutton", (id, props, ctx) => new ClearButtonView(id, props, ctx)],
  ["loginbutton", (id, props, ctx) => new LoginButtonView(id, props, ctx)],
  ["deeplinkbutton", (id, props, ctx) => new DeepLinkButtonView(id, props, ctx)],
  ["downloadbutton", (id, props, ctx) => new DownloadButtonView(id, props, ctx)],
  ["text", (id, props, ctx) => new TextView(id, props, ctx)],
  ["markdown", (id, props, ctx) => new MarkdownView(id, props, ctx)],
  ["html", (id, props, ctx) => ("html_template" in props || "js_on_load" in props ? new HtmlTemplateView(id, props, ctx) : new HtmlView(id, props, ctx))],
  ["json", (id, props, ctx) => new JsonView(id, props, ctx)],
  ["label", (id, props, ctx) => new LabelView(id, props, ctx)],
  ["image", (id, props, ctx) => new ImageView(id, props, ctx)],
  ["imageeditor", (id, props, ctx) => new ImageEditorView(id, props, ctx)],
  ["imageslider", (id, props, ctx) => new ImageSliderView(id, props, ctx)],
  ["annotatedimage", (id, props, ctx) => new AnnotatedImageView(id, props, ctx)],
  ["audio", (id, props, ctx) => new AudioView(id, props, ctx)],
  ["video", (id, props, ctx) => new VideoView(id, props, ctx)],
  ["gallery", (id, props, ctx) => new GalleryView(id, props, ctx)],
  ["dialogue", (id, props, ctx) => new DialogueView(id, props, ctx)],
  ["paramviewer", (id, props, ctx) => new ParamViewerView(id, props, ctx)],
  ["file", (id, props, ctx) => new FileView(id, props, ctx)],
  ["navbar", (id, props, ctx) => new NavbarView(id, props, ctx)],
  ["fileexplorer", (id, props, ctx) => new FileExplorerView(id, props, ctx)],
  ["uploadbutton", (id, props, ctx) => new UploadButtonView(id, props, ctx)],
  ["dataframe", (id, props, ctx) => new DataFrameView(id, props, ctx)],
  ["plot", (id, props, ctx) => new PlotView(id, props, ctx)],
  ["chatbot", (id, props, ctx) => new ChatbotView(id, props, ctx, nestedView)],
  ["multimodaltextbox", (id, props, ctx) => new MultimodalTextboxView(id, props, ctx)],
  ["browserstate", (id, props, ctx) => new BrowserStateView(id, props, ctx)],
  ["layoutblock", (id, props, ctx) => new BlockOutputView(id, props, ctx)],
  ["nativeplot", (id, props, ctx) => new NativePlotView(id, props, ctx)],
  ["dataset", (id, props, ctx) => new DatasetView(id, props, ctx)],
  ["model3d", (id, props, ctx) => new Model3DView(id, props, ctx)],
  ["highlightedtext", (id, props, ctx) => new HighlightedTextView(id, props, ctx)],
  ["render", (id, props, ctx) => new RenderView(id, props, ctx)],
]);

/** Views shown inside another (a component in a chat message): they send nothing. */
const quiet: ViewContext = { input: () => {}, trigger: () => {}, reset: () => {} };

function nestedView(id: string, type: string, props: Props): ComponentView {
  return createView(id, { type, props }, quiet);
}

export function registerComponent(type: string, factory: ViewFactory): void {
  factories.set(type, factory);
}

export function createView(id: string, spec: ComponentSpec, ctx: ViewContext): ComponentView {
  const type = typeof spec.type === "string" ? spec.type : "?";
  const props: Props = typeof spec.props === "object" && spec.props !== null ? spec.props : {};
  const factory = factories.get(type);
  return factory === undefined ? new UnknownView(id, type, props, ctx) : factory(id, props, ctx);
}

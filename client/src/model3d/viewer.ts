// The 3D viewer behind Model3D, built as its own file (reactive/static/model3d.js) and loaded
// only when a page shows a model: three.js with its OBJ, glTF / GLB and STL loaders and orbit
// controls. mount() draws a model from its bytes into a box and returns what stops it.

import {
  AmbientLight, Box3, Color, DirectionalLight, Mesh, MeshStandardMaterial, type Object3D,
  PerspectiveCamera, Scene, SRGBColorSpace, Vector3, WebGLRenderer,
} from "three";
import { GLTFLoader } from "three/examples/jsm/loaders/GLTFLoader.js";
import { OBJLoader } from "three/examples/jsm/loaders/OBJLoader.js";
import { STLLoader } from "three/examples/jsm/loaders/STLLoader.js";
import { OrbitControls } from "three/examples/jsm/controls/OrbitControls.js";

export interface ViewerOptions {
  /** Background [r, g, b, a] in 0..1, or null for transparent. */
  clearColor: [number, number, number, number] | null;
  /** Where the camera starts: [azimuth°, polar°, distance] (null: fitted to the model). */
  camera: [number | null, number | null, number | null];
  zoomSpeed: number;
  panSpeed: number;
}

export interface Viewer {
  /** The number of meshes drawn (for tests and a11y text). */
  readonly meshes: number;
  stop(): void;
}

async function load(data: Uint8Array, ext: string): Promise<Object3D> {
  const buffer = data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer;
  const material = new MeshStandardMaterial({ color: 0x9aa4b2, metalness: 0.1, roughness: 0.6 });
  if (ext === "obj") {
    const object = new OBJLoader().parse(new TextDecoder().decode(data));
    object.traverse((o) => {
      if (o instanceof Mesh) o.material = material;
    });
    return object;
  }
  if (ext === "stl") return new Mesh(new STLLoader().parse(buffer), material);
  const gltf = await new GLTFLoader().parseAsync(buffer, "");
  return gltf.scene;
}

export async function mount(box: HTMLElement, data: Uint8Array, ext: string, options: ViewerOptions): Promise<Viewer> {
  const model = await load(data, ext);
  const scene = new Scene();
  const [r, g, b, a] = options.clearColor ?? [0, 0, 0, 0];
  const renderer = new WebGLRenderer({ antialias: true, alpha: true, preserveDrawingBuffer: true });
  renderer.setPixelRatio(Math.min(2, window.devicePixelRatio));
  renderer.setClearColor(new Color().setRGB(r, g, b, SRGBColorSpace), a); // as the page's colours
  scene.add(new AmbientLight(0xffffff, 1.2), model);
  const sun = new DirectionalLight(0xffffff, 2);
  sun.position.set(3, 5, 4);
  scene.add(sun);

  const bounds = new Box3().setFromObject(model);
  const centre = bounds.getCenter(new Vector3());
  const size = bounds.getSize(new Vector3()).length() || 1;
  const camera = new PerspectiveCamera(45, 1, size / 100, size * 100);
  const [azimuth, polar, distance] = options.camera;
  const radius = distance ?? size * 1.6;
  const theta = ((azimuth ?? 45) * Math.PI) / 180;
  const phi = ((polar ?? 65) * Math.PI) / 180;
  camera.position.set(
    centre.x + radius * Math.sin(phi) * Math.sin(theta),
    centre.y + radius * Math.cos(phi),
    centre.z + radius * Math.sin(phi) * Math.cos(theta),
  );
  const controls = new OrbitControls(camera, renderer.domElement);
  controls.target.copy(centre);
  controls.zoomSpeed = options.zoomSpeed;
  controls.panSpeed = options.panSpeed;
  controls.update();

  let meshes = 0;
  model.traverse((o) => {
    if (o instanceof Mesh) meshes += 1;
  });
  const draw = (): void => renderer.render(scene, camera);
  const resize = (): void => {
    const width = Math.max(1, box.clientWidth);
    const height = Math.max(1, box.clientHeight);
    renderer.setSize(width, height, false);
    camera.aspect = width / height;
    camera.updateProjectionMatrix();
    draw();
  };
  controls.addEventListener("change", draw);
  const observer = new ResizeObserver(resize);
  observer.observe(box);
  box.replaceChildren(renderer.domElement);
  resize();
  return {
    meshes,
    stop: () => {
      observer.disconnect();
      controls.dispose();
      renderer.dispose();
    },
  };
}

import { useEffect, useRef, useState, type ComponentRef, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrbitControls } from '@react-three/drei';
import { PerspectiveCamera, Vector3 } from 'three';
import type { RoomShape } from '../../core/room.ts';
import { useFormatters } from '../i18n/useFormatters.ts';
import { clampTarget, EYE_HEIGHT_M, EYE_PIVOT_M, PRESET_IDS, presetView, stepInside, type PresetId, type PresetView } from './camera.ts';
import './CameraPresets.css';

type OrbitControlsImpl = ComponentRef<typeof OrbitControls>;

const TRANSITION_MS = 420;

/** The orbit settings eye height overrides, to put back when leaving it. */
const OVERRIDDEN = ['minPolarAngle', 'maxPolarAngle', 'minDistance', 'maxDistance', 'enablePan', 'enableZoom', 'rotateSpeed'] as const;
type Saved = Record<(typeof OVERRIDDEN)[number], number | boolean> & { fov: number };
/** One scroll notch at eye height: a short step. */
const STEP_M = 0.3;

const ease = (t: number) => (t < 0.5 ? 4 * t * t * t : 1 - (-2 * t + 2) ** 3 / 2);

/**
 * The view's preset switcher: the four room corners looking in, eye height (1.6 m, level; orbiting
 * walks round the room and scrolling steps forward and back), and straight down. Moves the orbit
 * controls' camera and target over a short eased transition (instant with reduced motion); each
 * step is one demanded frame. Also keeps panning within a metre of the room.
 */
export function CameraPresets({ controls, room }: { readonly controls: RefObject<OrbitControlsImpl | null>; readonly room: Pick<RoomShape, 'outline' | 'ceilingHeightMm' | 'openings'> }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const [active, setActive] = useState<PresetId | null>(null);
  const eye = useRef<Saved | null>(null);
  const animation = useRef(0);

  const leaveEye = () => {
    const orbit = controls.current;
    const saved = eye.current;
    if (!orbit || !saved) return;
    eye.current = null;
    for (const key of OVERRIDDEN) Object.assign(orbit, { [key]: saved[key] });
    const camera = orbit.object;
    if (camera instanceof PerspectiveCamera) {
      camera.fov = saved.fov;
      camera.updateProjectionMatrix();
    }
  };

  useEffect(() => {
    const orbit = controls.current;
    if (!orbit) return;
    const onStart = () => {
      cancelAnimationFrame(animation.current);
      setActive(null);
    };
    const onChange = () => {
      // Something else moved the camera off eye height (Reset view): leave eye mode and redo it unclamped.
      if (eye.current && Math.abs(orbit.object.position.y - EYE_HEIGHT_M) > 0.1 && !animation.current) {
        leaveEye();
        setActive(null);
        orbit.reset();
        return;
      }
      if (clampTarget(orbit.target, room.outline, room.ceilingHeightMm)) orbit.update();
    };
    // At eye height a scroll steps forward or back, never through a wall.
    const onWheel = (event: WheelEvent) => {
      if (!eye.current) return;
      event.preventDefault();
      const camera = orbit.object;
      const heading = { x: orbit.target.x - camera.position.x, z: orbit.target.z - camera.position.z };
      const next = stepInside({ x: camera.position.x, z: camera.position.z }, heading, event.deltaY < 0 ? STEP_M : -STEP_M, room.outline);
      if (!next) return;
      const shift = new Vector3(next.x - camera.position.x, 0, next.z - camera.position.z);
      camera.position.add(shift);
      orbit.target.add(shift);
      orbit.update();
    };
    const element = orbit.domElement;
    orbit.addEventListener('start', onStart);
    orbit.addEventListener('change', onChange);
    element?.addEventListener('wheel', onWheel, { passive: false });
    return () => {
      orbit.removeEventListener('start', onStart);
      orbit.removeEventListener('change', onChange);
      element?.removeEventListener('wheel', onWheel);
    };
    // leaveEye reads refs only.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [controls, room.outline, room.ceilingHeightMm]);

  useEffect(() => () => cancelAnimationFrame(animation.current), []);

  const go = (id: PresetId) => {
    const orbit = controls.current;
    if (!orbit) return;
    const camera = orbit.object;
    const aspect = camera instanceof PerspectiveCamera ? camera.aspect : 1.6;
    leaveEye();
    const fov = camera instanceof PerspectiveCamera ? camera.fov : 40;
    const view: PresetView = presetView(id, room, fov, aspect);
    setActive(id);
    const fromPosition = camera.position.clone();
    const fromTarget = orbit.target.clone();
    const toPosition = new Vector3(...view.position);
    const toTarget = new Vector3(...view.target);
    const finish = () => {
      animation.current = 0;
      camera.position.copy(toPosition);
      orbit.target.copy(toTarget);
      if (view.walk && camera instanceof PerspectiveCamera) {
        const saved = { fov: camera.fov } as Saved;
        for (const key of OVERRIDDEN) saved[key] = orbit[key];
        eye.current = saved;
        // The pivot is just ahead of the eye: orbiting turns the head, dragging the world as in a street view.
        Object.assign(orbit, { minPolarAngle: view.walk.minPolar, maxPolarAngle: view.walk.maxPolar, minDistance: EYE_PIVOT_M, maxDistance: EYE_PIVOT_M, enablePan: false, enableZoom: false, rotateSpeed: -0.35 });
        camera.fov = view.fov ?? camera.fov;
        camera.updateProjectionMatrix();
      }
      orbit.update();
      // A changed lens alone moves nothing the controls notice: ask for the frame explicitly.
      orbit.dispatchEvent({ type: 'change' });
    };
    cancelAnimationFrame(animation.current);
    if (window.matchMedia?.('(prefers-reduced-motion: reduce)').matches) return finish();
    const started = performance.now();
    const step = (now: number) => {
      const progress = Math.min(1, (now - started) / TRANSITION_MS);
      if (progress >= 1) return finish();
      const k = ease(progress);
      camera.position.lerpVectors(fromPosition, toPosition, k);
      orbit.target.lerpVectors(fromTarget, toTarget, k);
      // Not orbit.update(): its distance limits would bend the path; the last step syncs the controls.
      camera.lookAt(orbit.target);
      orbit.dispatchEvent({ type: 'change' });
      animation.current = requestAnimationFrame(step);
    };
    animation.current = requestAnimationFrame(step);
  };

  return (
    <div className="camera-presets" role="toolbar" aria-label={t('scenePresets.label')}>
      {PRESET_IDS.map((id) => {
        const label = id === 'eye' ? t('scenePresets.eye', { height: format.length(EYE_HEIGHT_M * 1000) }) : t(`scenePresets.${id}`);
        return (
          <button key={id} type="button" className="camera-presets__button" aria-pressed={active === id} aria-label={label} title={label} onClick={() => go(id)}>
            <PresetIcon id={id} />
          </button>
        );
      })}
    </div>
  );
}

/** A room seen from above with the camera's spot marked; an eye; a plan. */
function PresetIcon({ id }: { readonly id: PresetId }) {
  const common = { width: 16, height: 16, viewBox: '0 0 24 24', fill: 'none', stroke: 'currentColor', strokeWidth: 1.8, strokeLinecap: 'round' as const, strokeLinejoin: 'round' as const, 'aria-hidden': true, focusable: false };
  if (id === 'eye') {
    return (
      <svg {...common}>
        <path d="M2 12s3.6-6.5 10-6.5S22 12 22 12s-3.6 6.5-10 6.5S2 12 2 12z" />
        <circle cx="12" cy="12" r="2.8" />
      </svg>
    );
  }
  if (id === 'top') {
    return (
      <svg {...common}>
        <rect x="4" y="4" width="16" height="16" rx="1.5" />
        <path d="M4 12h16M12 4v16" strokeWidth={1.2} />
      </svg>
    );
  }
  const corner = ({ 'front-left': [4, 20], 'front-right': [20, 20], 'back-right': [20, 4], 'back-left': [4, 4] } as const)[id];
  return (
    <svg {...common}>
      <rect x="6" y="6" width="12" height="12" rx="1" />
      <circle cx={corner[0]} cy={corner[1]} r="2.6" fill="currentColor" stroke="none" />
      <path d={`M${corner[0]} ${corner[1]}L${(corner[0] + 12) / 2} ${(corner[1] + 12) / 2}`} />
    </svg>
  );
}

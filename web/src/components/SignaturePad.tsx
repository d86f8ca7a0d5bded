import { onCleanup, onMount } from 'solid-js';
import FieldNotes, { noteAttrs } from './FieldNotes';

/** What the parent can do with the pad. */
export interface SignaturePadHandle {
  clear(): void;
  isEmpty(): boolean;
  /** The drawing as a PNG data URL, or null when nothing is drawn. */
  toDataUrl(): string | null;
}

const INK = '#111827';
const WIDTH = 2.4;

/**
 * A signature drawn with a mouse, finger or pen on a <canvas>: pointer events
 * where the browser has them (all current ones), mouse and touch events
 * otherwise. The canvas is sized to its box at the screen's pixel ratio (at
 * most 2) so strokes stay sharp without making the PNG large.
 */
export default function SignaturePad(props: {
  id: string;
  label: string;
  hint?: string;
  error?: string | undefined;
  onChange?: (hasInk: boolean) => void;
  ref?: (handle: SignaturePadHandle) => void;
}) {
  let canvas!: HTMLCanvasElement;
  let ink = false;
  let last: { x: number; y: number } | null = null;

  const ctx = () => canvas.getContext('2d')!;

  const size = () => {
    const rect = canvas.getBoundingClientRect();
    const ratio = Math.min(Math.max(window.devicePixelRatio || 1, 1), 2);
    canvas.width = Math.max(1, Math.round(rect.width * ratio));
    canvas.height = Math.max(1, Math.round(rect.height * ratio));
    const c = ctx();
    c.setTransform(ratio, 0, 0, ratio, 0, 0);
    c.lineWidth = WIDTH;
    c.lineCap = 'round';
    c.lineJoin = 'round';
    c.strokeStyle = INK;
    c.fillStyle = INK;
  };

  const setInk = (value: boolean) => {
    if (ink === value) return;
    ink = value;
    props.onChange?.(value);
  };

  const at = (clientX: number, clientY: number) => {
    const rect = canvas.getBoundingClientRect();
    return { x: clientX - rect.left, y: clientY - rect.top };
  };

  const begin = (clientX: number, clientY: number) => {
    const p = at(clientX, clientY);
    last = p;
    const c = ctx();
    c.beginPath();
    c.arc(p.x, p.y, WIDTH / 2, 0, Math.PI * 2);
    c.fill();
    setInk(true);
  };

  const extend = (clientX: number, clientY: number) => {
    if (!last) return;
    const p = at(clientX, clientY);
    const c = ctx();
    c.beginPath();
    c.moveTo(last.x, last.y);
    c.lineTo(p.x, p.y);
    c.stroke();
    last = p;
  };

  const end = () => {
    last = null;
  };

  const handle: SignaturePadHandle = {
    clear() {
      ctx().clearRect(0, 0, canvas.width, canvas.height);
      last = null;
      setInk(false);
    },
    isEmpty: () => !ink,
    toDataUrl: () => (ink ? canvas.toDataURL('image/png') : null),
  };

  onMount(() => {
    size();
    props.ref?.(handle);
    // A resize would stretch the drawing: start again on an empty pad, keep a drawn one.
    const onResize = () => {
      if (!ink) size();
    };
    window.addEventListener('resize', onResize);
    onCleanup(() => window.removeEventListener('resize', onResize));

    if (typeof window.PointerEvent === 'function') {
      const down = (e: PointerEvent) => {
        if (e.pointerType === 'mouse' && e.button !== 0) return;
        e.preventDefault();
        canvas.setPointerCapture(e.pointerId);
        begin(e.clientX, e.clientY);
      };
      const move = (e: PointerEvent) => {
        if (!last) return;
        e.preventDefault();
        const points = typeof e.getCoalescedEvents === 'function' ? e.getCoalescedEvents() : [];
        for (const p of points.length ? points : [e]) extend(p.clientX, p.clientY);
      };
      const up = (e: PointerEvent) => {
        if (canvas.hasPointerCapture(e.pointerId)) canvas.releasePointerCapture(e.pointerId);
        end();
      };
      canvas.addEventListener('pointerdown', down);
      canvas.addEventListener('pointermove', move);
      canvas.addEventListener('pointerup', up);
      canvas.addEventListener('pointercancel', up);
      onCleanup(() => {
        canvas.removeEventListener('pointerdown', down);
        canvas.removeEventListener('pointermove', move);
        canvas.removeEventListener('pointerup', up);
        canvas.removeEventListener('pointercancel', up);
      });
    } else {
      const mdown = (e: MouseEvent) => {
        if (e.button !== 0) return;
        e.preventDefault();
        begin(e.clientX, e.clientY);
      };
      const mmove = (e: MouseEvent) => extend(e.clientX, e.clientY);
      const tstart = (e: TouchEvent) => {
        const t = e.touches[0];
        if (!t) return;
        e.preventDefault();
        begin(t.clientX, t.clientY);
      };
      const tmove = (e: TouchEvent) => {
        const t = e.touches[0];
        if (!t || !last) return;
        e.preventDefault();
        extend(t.clientX, t.clientY);
      };
      canvas.addEventListener('mousedown', mdown);
      window.addEventListener('mousemove', mmove);
      window.addEventListener('mouseup', end);
      canvas.addEventListener('touchstart', tstart, { passive: false });
      canvas.addEventListener('touchmove', tmove, { passive: false });
      canvas.addEventListener('touchend', end);
      canvas.addEventListener('touchcancel', end);
      onCleanup(() => {
        canvas.removeEventListener('mousedown', mdown);
        window.removeEventListener('mousemove', mmove);
        window.removeEventListener('mouseup', end);
        canvas.removeEventListener('touchstart', tstart);
        canvas.removeEventListener('touchmove', tmove);
        canvas.removeEventListener('touchend', end);
        canvas.removeEventListener('touchcancel', end);
      });
    }
  });

  return (
    <div class="field signature-field" classList={{ 'has-error': !!props.error }}>
      <span class="field-label" id={`${props.id}-label`}>
        {props.label}
      </span>
      <div class="signature-pad">
        <canvas
          ref={canvas}
          id={props.id}
          class="signature-canvas"
          role="img"
          tabIndex={0}
          aria-labelledby={`${props.id}-label`}
          {...noteAttrs({ id: props.id, hint: props.hint, error: props.error })}
        />
        <span class="signature-line" aria-hidden="true" />
        <button type="button" class="btn btn-secondary btn-sm signature-clear" onClick={() => handle.clear()}>
          Clear
        </button>
      </div>
      <FieldNotes id={props.id} hint={props.hint} error={props.error} />
    </div>
  );
}

import { afterEach, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { CLOBBERING_VECTORS, unsafeParts, XSS_VECTORS } from './paste-vectors';
import { cleanup, renderComposer } from './render-composer';

afterEach(cleanup);

type Probe = Window & { __xss?: () => void; __control?: () => void };

it('Paste: no hostile HTML throws, runs or survives in Chromium (DOM clobbering included)', async () => {
  const probe = window as Probe;
  let ran = 0;
  let controlRan = false;
  probe.__xss = () => {
    ran++;
  };
  probe.__control = () => {
    controlRan = true;
  };
  const errors: string[] = [];
  const onError = (event: ErrorEvent) => errors.push(event.message);
  window.addEventListener('error', onError);
  const { editor } = await renderComposer();
  await userEvent.click(editor);
  try {
    for (const [name, html] of [...XSS_VECTORS, ...CLOBBERING_VECTORS]) {
      const clipboardData = new DataTransfer();
      clipboardData.setData('text/html', html);
      clipboardData.setData('text/plain', name);
      const event = new ClipboardEvent('paste', { clipboardData, bubbles: true, cancelable: true });
      editor.dispatchEvent(event);
      // ProseMirror took the paste (it cancels the event once it has inserted the slice).
      expect(event.defaultPrevented, name).toBe(true);
      expect(unsafeParts(editor.innerHTML), name).toEqual([]);
    }
    // The words of the reported crash made it in.
    expect(editor.textContent).toContain('123');
    // A positive control: an image error handler in the live page does run; once it has, a
    // pasted one queued at the same time would have run too.
    const control = document.createElement('img');
    control.setAttribute('onerror', '__control()');
    control.src = 'data:,not-an-image';
    document.body.append(control);
    await expect.poll(() => controlRan).toBe(true);
    control.remove();
    expect(ran).toBe(0);
    expect(errors).toEqual([]);
  } finally {
    window.removeEventListener('error', onError);
    delete probe.__xss;
    delete probe.__control;
  }
});

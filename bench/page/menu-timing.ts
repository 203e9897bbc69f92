import { percentile } from './latency';

/**
 * `@` + one letter → the first frame that paints the menu's answer for that letter, timed exactly
 * like keystroke→paint (the key event → the task right after that frame), so the two compare.
 * A frame counts when, at its animation-frame time, the listbox holds options whose names all
 * have a word starting with the letter (not the answer for the bare `@` still on screen) and the
 * menu sits below the editor's top edge (positioned at the caret, not at the page's origin).
 */
export function recordMenuOpens(names: string, editor: string) {
  const samples: number[] = [];
  const painted = (letter: string) => {
    const options = [...document.querySelectorAll('[role="listbox"] [role="option"]')];
    if (options.length === 0) return false;
    // As the directory matches: any word of the accent-folded name starts with the query.
    const fold = (text: string) =>
      ` ${text
        .normalize('NFD')
        .replace(/\p{M}+/gu, '')
        .toLowerCase()}`;
    const query = ` ${letter.toLowerCase()}`;
    const answered = options.every((option) =>
      fold(option.querySelector(names)?.textContent ?? '').includes(query),
    );
    const list = options[0]!.closest('[role="listbox"]')!.getBoundingClientRect();
    const top = document.querySelector(editor)?.getBoundingClientRect().top ?? 0;
    return answered && list.top > top;
  };
  let armed: number | null = null;
  document.addEventListener(
    'keydown',
    (event) => {
      if (!/^[a-z]$/i.test(event.key) || event.ctrlKey || event.metaKey) return;
      const start = event.timeStamp;
      armed = start;
      const check = () => {
        if (armed !== start) return;
        if (!painted(event.key)) return void requestAnimationFrame(check);
        armed = null;
        setTimeout(() => samples.push(performance.now() - start), 0);
      };
      requestAnimationFrame(check);
    },
    { capture: true },
  );
  return () => ({
    opens: samples.length,
    p50Ms: percentile(samples, 50),
    p95Ms: percentile(samples, 95),
  });
}

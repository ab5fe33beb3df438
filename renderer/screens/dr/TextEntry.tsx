import { useState } from 'react';

interface Props {
  readonly id: string;
  readonly text: string;
  readonly onText: (text: string) => void;
  readonly label: string;
  readonly invalid: boolean;
  readonly width?: string;
  readonly placeholder?: string;
}

/**
 * A text input that keeps what the user is typing ("1." on the way to "1.5") while the
 * plan holds the parsed value; it shows the plan's value again once focus leaves.
 */
export function TextEntry({ id, text, onText, label, invalid, width, placeholder }: Props) {
  const [typing, setTyping] = useState<string | null>(null);
  return (
    <input
      id={id}
      type="text"
      aria-label={label}
      aria-invalid={invalid}
      className={invalid ? 'invalid' : undefined}
      style={width === undefined ? undefined : { width }}
      placeholder={placeholder}
      value={typing ?? text}
      spellCheck={false}
      onFocus={() => setTyping(text)}
      onBlur={() => setTyping(null)}
      onChange={(event) => {
        setTyping(event.target.value);
        onText(event.target.value);
      }}
    />
  );
}

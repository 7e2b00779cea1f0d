namespace ClAdmin.Tui.Input;

/// <summary>
/// Turns console keys into <see cref="KeyPress"/>es, folding in SMIT's escape forms (smit.md §4.1):
/// Esc then a digit is that F-key (Esc 0 = F10), Esc v = PageUp, Esc &lt; / Esc &gt; = Home / End;
/// Ctrl-V = PageDown, Ctrl-X = Delete, Ctrl-K = delete to end, Ctrl-L = redraw, Ctrl-C = interrupt.
/// A terminal that sends Esc and the digit in one read shows up as Alt+digit; that is folded too.
/// </summary>
public sealed class KeyDecoder
{
    private bool _escape;

    /// <summary>The key for this console key, or null when it only starts an escape form.</summary>
    public KeyPress? Decode(ConsoleKeyInfo key)
    {
        if (_escape)
        {
            _escape = false;
            if (EscapeForm(key.KeyChar) is { } folded)
            {
                return folded;
            }
            if (key.Key == ConsoleKey.Escape)
            {
                return KeyPress.Of(KeyName.Escape);
            }
        }
        if ((key.Modifiers & ConsoleModifiers.Alt) != 0 && EscapeForm(key.KeyChar) is { } alt)
        {
            return alt;
        }
        if (key.Key == ConsoleKey.Escape)
        {
            _escape = true;
            return null;
        }
        return Plain(key);
    }

    private static KeyPress? EscapeForm(char c) => c switch
    {
        >= '1' and <= '9' => KeyPress.Of(KeyName.F1 + (c - '1')),
        '0' => KeyPress.Of(KeyName.F10),
        'v' => KeyPress.Of(KeyName.PageUp),
        '<' => KeyPress.Of(KeyName.Home),
        '>' => KeyPress.Of(KeyName.End),
        _ => null,
    };

    private static KeyPress? Plain(ConsoleKeyInfo key)
    {
        var ctrl = (key.Modifiers & ConsoleModifiers.Control) != 0;
        if (ctrl || key.KeyChar is > '\0' and < ' ' and not '\t' and not '\r' and not '\n' and not '\b')
        {
            var letter = ctrl && key.Key is >= ConsoleKey.A and <= ConsoleKey.Z ? (char)('a' + (key.Key - ConsoleKey.A))
                : key.KeyChar is > '\0' and < ' ' ? (char)('a' + key.KeyChar - 1) : '\0';
            switch (letter)
            {
                case 'c': return KeyPress.Of(KeyName.Interrupt);
                case 'l': return KeyPress.Of(KeyName.Redraw);
                case 'v': return KeyPress.Of(KeyName.PageDown);
                case 'x': return KeyPress.Of(KeyName.Delete);
                case 'k': return KeyPress.Of(KeyName.KillToEnd);
                case 'a': return KeyPress.Of(KeyName.Home);
                case 'e': return KeyPress.Of(KeyName.End);
                case 'h': return KeyPress.Of(KeyName.Backspace);
                case 'i': return KeyPress.Of((key.Modifiers & ConsoleModifiers.Shift) != 0 ? KeyName.BackTab : KeyName.Tab);
                case 'm' or 'j': return KeyPress.Of(KeyName.Enter);
                default: break;
            }
        }
        KeyName? name = key.Key switch
        {
            >= ConsoleKey.F1 and <= ConsoleKey.F10 => KeyName.F1 + (key.Key - ConsoleKey.F1),
            ConsoleKey.Enter => KeyName.Enter,
            ConsoleKey.Tab => (key.Modifiers & ConsoleModifiers.Shift) != 0 ? KeyName.BackTab : KeyName.Tab,
            ConsoleKey.UpArrow => KeyName.Up,
            ConsoleKey.DownArrow => KeyName.Down,
            ConsoleKey.LeftArrow => KeyName.Left,
            ConsoleKey.RightArrow => KeyName.Right,
            ConsoleKey.PageUp => KeyName.PageUp,
            ConsoleKey.PageDown => KeyName.PageDown,
            ConsoleKey.Home => KeyName.Home,
            ConsoleKey.End => KeyName.End,
            ConsoleKey.Backspace => KeyName.Backspace,
            ConsoleKey.Delete => KeyName.Delete,
            _ => null,
        };
        if (name is { } n)
        {
            return KeyPress.Of(n);
        }
        if (key.KeyChar == '\x7f')
        {
            return KeyPress.Of(KeyName.Backspace);
        }
        return key.KeyChar >= ' ' ? KeyPress.Text(key.KeyChar) : null;
    }
}

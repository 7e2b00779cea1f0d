using Terminal.Gui.Drivers;
using Terminal.Gui.Input;

namespace ClAdmin.Tui.Input;

/// <summary>
/// Turns Terminal.Gui's keys into <see cref="KeyPress"/>es, folding in SMIT's escape forms
/// (smit.md §4.1): Esc then a digit is that F-key (Esc 0 = F10), Esc v = PageUp, Esc &lt; / Esc &gt; =
/// Home / End; Ctrl-V = PageDown, Ctrl-X = Delete, Ctrl-K = delete to end, Ctrl-L = redraw,
/// Ctrl-C = interrupt. The driver delivers Esc and a digit read together as Alt+digit: that is
/// folded too, so a terminal that sends them in one write and one that sends them apart agree.
/// </summary>
public sealed class TerminalKeys
{
    private bool _escape;

    /// <summary>
    /// The Linux console's F1-F5, ESC [ [ A .. ESC [ [ E (terminfo "linux": kf1-kf5), which no
    /// xterm sends and Terminal.Gui's ANSI parser does not know: the final character of each
    /// sequence and the key it is (the terminal layer hands them to the parser, see TuiRunner).
    /// </summary>
    public static IReadOnlyList<(char Final, KeyCode Key)> LinuxConsoleFunctionKeys { get; } =
        [('A', KeyCode.F1), ('B', KeyCode.F2), ('C', KeyCode.F3), ('D', KeyCode.F4), ('E', KeyCode.F5)];

    /// <summary>The key for this driver key, or null when it only starts an escape form (or means nothing here).</summary>
    public KeyPress? Map(Key key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var code = key.KeyCode;
        var bare = code & ~KeyCode.ShiftMask & ~KeyCode.CtrlMask & ~KeyCode.AltMask;
        if (_escape)
        {
            _escape = false;
            if (!key.IsCtrl && EscapeForm(CharOf(key)) is { } folded)
            {
                return folded;
            }
            if (bare == KeyCode.Esc)
            {
                return KeyPress.Of(KeyName.Escape);
            }
        }
        if (key.IsAlt && !key.IsCtrl && EscapeForm(CharOf(key.NoAlt)) is { } alt)
        {
            return alt;
        }
        if (bare == KeyCode.Esc && !key.IsAlt)
        {
            _escape = true;
            return null;
        }
        return Plain(key, bare);
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

    private static char CharOf(Key key) =>
        key.TryGetPrintableRune(out var rune) && rune.IsBmp ? (char)rune.Value : '\0';

    private static KeyPress? Plain(Key key, KeyCode bare)
    {
        if (key.IsCtrl && !key.IsAlt && bare is >= KeyCode.A and <= KeyCode.Z)
        {
            switch ((char)('a' + (int)(bare - KeyCode.A)))
            {
                case 'c': return KeyPress.Of(KeyName.Interrupt);
                case 'l': return KeyPress.Of(KeyName.Redraw);
                case 'v': return KeyPress.Of(KeyName.PageDown);
                case 'x': return KeyPress.Of(KeyName.Delete);
                case 'k': return KeyPress.Of(KeyName.KillToEnd);
                case 'a': return KeyPress.Of(KeyName.Home);
                case 'e': return KeyPress.Of(KeyName.End);
                case 'h': return KeyPress.Of(KeyName.Backspace);
                case 'i': return KeyPress.Of(key.IsShift ? KeyName.BackTab : KeyName.Tab);
                case 'm' or 'j': return KeyPress.Of(KeyName.Enter);
                default: return null;
            }
        }
        KeyName? name = bare switch
        {
            >= KeyCode.F1 and <= KeyCode.F10 => KeyName.F1 + (int)(bare - KeyCode.F1),
            KeyCode.Enter => KeyName.Enter,
            KeyCode.Tab => key.IsShift ? KeyName.BackTab : KeyName.Tab,
            KeyCode.CursorUp => KeyName.Up,
            KeyCode.CursorDown => KeyName.Down,
            KeyCode.CursorLeft => KeyName.Left,
            KeyCode.CursorRight => KeyName.Right,
            KeyCode.PageUp => KeyName.PageUp,
            KeyCode.PageDown => KeyName.PageDown,
            KeyCode.Home => KeyName.Home,
            KeyCode.End => KeyName.End,
            KeyCode.Backspace => KeyName.Backspace,
            KeyCode.Delete => KeyName.Delete,
            _ => null,
        };
        if (name is { } n)
        {
            return KeyPress.Of(n);
        }
        if (key.IsCtrl || key.IsAlt)
        {
            return null;
        }
        var c = CharOf(key);
        return c >= ' ' && c != '\x7f' ? KeyPress.Text(c) : null;
    }
}

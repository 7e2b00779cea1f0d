using ClAdmin.Tui.Input;
using ClAdmin.Tui.Rendering;
using ClAdmin.Tui.Session;

namespace ClAdmin.Testing;

/// <summary>Drives a <see cref="TuiSession"/> in process: keys as the terminal would send them, and the screen as it would draw it.</summary>
public static class SessionKeys
{
    /// <summary>Each key (a <see cref="KeyName"/>, or a string typed character by character), then waits for what it started.</summary>
    public static async Task Keys(TuiSession session, params object[] keys)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(keys);
        foreach (var k in keys)
        {
            switch (k)
            {
                case KeyName name: session.Key(KeyPress.Of(name)); break;
                case string text: foreach (var c in text) { session.Key(KeyPress.Text(c)); } break;
                default: throw new ArgumentException($"not a key: {k}", nameof(keys));
            }
            await session.SettleAsync().ConfigureAwait(false);
        }
    }

    /// <summary>The screen drawn on an 80x24 terminal, as text.</summary>
    public static string Screen(TuiSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var buffer = new ScreenBuffer(80, 24);
        session.Paint(buffer);
        return buffer.ToString();
    }
}

using System.Text;
using ClAdmin.Tui.Rendering;

namespace ClAdmin.Tui.Terminal;

/// <summary>
/// Writes frames to a terminal with plain ANSI sequences: the alternate screen while the TUI runs,
/// only the rows that changed since the last frame, reverse video for the current item and no
/// colours at all (so NO_COLOR and monochrome terminals look the same). Leaving restores the
/// primary screen and the cursor, so the shell prompt returns to a clean terminal.
/// </summary>
public sealed class AnsiTerminal
{
    private readonly Stream _output;
    private string[]? _previous;
    private (int Width, int Height) _previousSize;

    public AnsiTerminal(Stream output) => _output = output ?? throw new ArgumentNullException(nameof(output));

    public void Enter()
    {
        Write("\e[?1049h\e[?25l\e[H\e[2J");
        _previous = null;
    }

    public void Leave() => Write("\e[0m\e[?25h\e[?1049l");

    /// <summary>Forgets the last frame so the next one is drawn in full (F2, Ctrl-L, resize, after a shell).</summary>
    public void Invalidate() => _previous = null;

    /// <summary>Draws a frame: each changed row in full, then the cursor.</summary>
    public void Draw(ScreenBuffer buffer)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        var sb = new StringBuilder();
        if (_previous is null || _previousSize != (buffer.Width, buffer.Height))
        {
            sb.Append("\e[0m\e[H\e[2J");
            _previous = new string[buffer.Height];
            _previousSize = (buffer.Width, buffer.Height);
        }
        sb.Append("\e[?25l");
        var row = new StringBuilder(buffer.Width + 16);
        for (var r = 0; r < buffer.Height; r++)
        {
            row.Clear();
            var reverse = false;
            for (var c = 0; c < buffer.Width; c++)
            {
                var rev = buffer.IsReverse(r, c);
                if (rev != reverse)
                {
                    row.Append(rev ? "\e[7m" : "\e[27m");
                    reverse = rev;
                }
                row.Append(buffer.CharAt(r, c));
            }
            if (reverse)
            {
                row.Append("\e[27m");
            }
            var text = row.ToString();
            if (!string.Equals(_previous[r], text, StringComparison.Ordinal))
            {
                sb.Append("\e[").Append(r + 1).Append(";1H").Append(text);
                _previous[r] = text;
            }
        }
        if (buffer.Cursor is { } cursor)
        {
            sb.Append("\e[").Append(cursor.Row + 1).Append(';').Append(cursor.Column + 1).Append("H\e[?25h");
        }
        Write(sb.ToString());
    }

    private void Write(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        _output.Write(bytes, 0, bytes.Length);
        _output.Flush();
    }
}

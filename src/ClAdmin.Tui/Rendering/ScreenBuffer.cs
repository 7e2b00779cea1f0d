using System.Text;

namespace ClAdmin.Tui.Rendering;

/// <summary>
/// A grid of characters with a reverse-video flag per cell: what one frame looks like. Screens
/// paint into it; the terminal writes it out; tests compare its text with golden screens.
/// Writes outside the grid are clipped.
/// </summary>
public sealed class ScreenBuffer
{
    private readonly char[] _chars;
    private readonly bool[] _reverse;

    public ScreenBuffer(int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        Width = width;
        Height = height;
        _chars = new char[width * height];
        _reverse = new bool[width * height];
        Clear();
    }

    public int Width { get; }
    public int Height { get; }

    /// <summary>Where the terminal cursor should stand (row, column), or null to hide it.</summary>
    public (int Row, int Column)? Cursor { get; set; }

    public void Clear()
    {
        Array.Fill(_chars, ' ');
        Array.Fill(_reverse, false);
        Cursor = null;
    }

    /// <summary>Writes text at a position; control characters show as '?'.</summary>
    public void Write(int row, int column, string text, bool reverse = false)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (row < 0 || row >= Height)
        {
            return;
        }
        for (var i = 0; i < text.Length; i++)
        {
            var col = column + i;
            if (col < 0)
            {
                continue;
            }
            if (col >= Width)
            {
                break;
            }
            var c = text[i];
            _chars[row * Width + col] = c < ' ' || c == '\x7f' ? '?' : c;
            _reverse[row * Width + col] = reverse;
        }
    }

    /// <summary>Fills a rectangle with blanks (a pop-up's background).</summary>
    public void Blank(int row, int column, int width, int height)
    {
        for (var r = row; r < row + height; r++)
        {
            Write(r, column, new string(' ', Math.Max(0, width)));
        }
    }

    public char CharAt(int row, int column) => _chars[row * Width + column];

    public bool IsReverse(int row, int column) => _reverse[row * Width + column];

    /// <summary>One row's text, trailing blanks removed.</summary>
    public string Line(int row) => new string(_chars, row * Width, Width).TrimEnd();

    /// <summary>The whole screen as text, one line per row, trailing blanks removed.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder();
        for (var r = 0; r < Height; r++)
        {
            sb.Append(Line(r)).Append('\n');
        }
        return sb.ToString();
    }
}

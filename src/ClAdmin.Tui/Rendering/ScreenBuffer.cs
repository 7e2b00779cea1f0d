using System.Text;
using ClAdmin.Tui.Input;
using Terminal.Gui.Text;

namespace ClAdmin.Tui.Rendering;

/// <summary>
/// A grid of characters with a reverse-video flag per cell: the SMIT layout of one frame. Screens
/// paint into it and mark where a mouse click means something (<see cref="Hotspot"/>); the
/// Terminal.Gui view copies it to the driver; tests compare its text with golden screens.
/// A double-width character takes two cells (the second holds <see cref="WideTail"/>).
/// Writes outside the grid are clipped.
/// </summary>
public sealed class ScreenBuffer
{
    /// <summary>The second cell of a double-width character: drawn by the character before it.</summary>
    public const char WideTail = '\0';

    private readonly char[] _chars;
    private readonly bool[] _reverse;
    private readonly List<(int Row, int Column, int Width, Func<KeyPress?> Click)> _hotspots = [];

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
        _hotspots.Clear();
    }

    /// <summary>
    /// Marks cells a mouse click acts on: <paramref name="click"/> runs (moving the screen's cursor,
    /// say) and may return a key to handle as if typed (Enter on the current item, a legend's F-key).
    /// </summary>
    public void Hotspot(int row, int column, int width, Func<KeyPress?> click) => _hotspots.Add((row, column, width, click));

    /// <summary>Forgets the hotspots painted so far: a pop-up above them takes the mouse.</summary>
    public void ClearHotspots() => _hotspots.Clear();

    /// <summary>A click at a cell: runs the hotspot painted last there; null when none or it gave no key.</summary>
    public KeyPress? Click(int row, int column)
    {
        for (var i = _hotspots.Count - 1; i >= 0; i--)
        {
            var h = _hotspots[i];
            if (h.Row == row && column >= h.Column && column < h.Column + h.Width)
            {
                return h.Click();
            }
        }
        return null;
    }

    /// <summary>Whether a click at this cell would do anything.</summary>
    public bool IsHot(int row, int column) => _hotspots.Exists(h => h.Row == row && column >= h.Column && column < h.Column + h.Width);

    /// <summary>Writes text at a position; control characters show as '?'.</summary>
    public void Write(int row, int column, string text, bool reverse = false)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (row < 0 || row >= Height)
        {
            return;
        }
        var col = column;
        foreach (var c in text)
        {
            var wide = c > '\x7f' && new Rune(char.IsSurrogate(c) ? '?' : c).GetColumns() == 2;
            if (col >= Width || (wide && col + 1 >= Width))
            {
                break;
            }
            if (col >= 0)
            {
                _chars[row * Width + col] = c < ' ' || c == '\x7f' || char.IsSurrogate(c) ? '?' : c;
                _reverse[row * Width + col] = reverse;
                if (wide)
                {
                    _chars[row * Width + col + 1] = WideTail;
                    _reverse[row * Width + col + 1] = reverse;
                }
            }
            col += wide ? 2 : 1;
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
    public string Line(int row) => new string(_chars, row * Width, Width).Replace("\0", "", StringComparison.Ordinal).TrimEnd();

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

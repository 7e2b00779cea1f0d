using ClAdmin.Menus.Model;
using ClAdmin.Tui.Input;
using ClAdmin.Tui.Rendering;

namespace ClAdmin.Tui.Screens;

/// <summary>A menu (smit.md §3.1): items from row 4 indented two columns, the current one in reverse video.</summary>
public sealed class MenuScreen : Screen
{
    private const int FirstRow = 4;
    private readonly Menu _menu;
    private int _top;

    public MenuScreen(Menu menu)
    {
        _menu = menu ?? throw new ArgumentNullException(nameof(menu));
        Current = Math.Max(0, NextSelectable(-1, 1));
    }

    public override ScreenKind Kind => ScreenKind.Menu;

    public override string Title => _menu.Title;

    public override string Fastpath => _menu.Id;

    public Menu Menu => _menu;

    /// <summary>The index of the current item.</summary>
    public int Current { get; private set; }

    public override string HelpText =>
        _menu.Items.Count > 0 && _menu.Items[Current].Help.Length > 0 ? _menu.Items[Current].Help : _menu.Help;

    public override void Paint(ScreenBuffer buffer)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        Frame.Title(buffer, _menu.Title);
        buffer.Write(2, 0, "Move cursor to desired item and press Enter.");
        var legendTop = Frame.Legend(buffer, Kind);
        var capacity = legendTop - 1 - FirstRow;
        var scrolling = _menu.Items.Count > capacity;
        if (scrolling)
        {
            capacity--; // a row for the indicator below
        }
        _top = Math.Clamp(_top, Math.Max(0, Current - capacity + 1), Current);
        var shown = Math.Min(capacity, _menu.Items.Count - _top);
        for (var i = 0; i < shown; i++)
        {
            var item = _menu.Items[_top + i];
            var selected = _top + i == Current;
            buffer.Write(FirstRow + i, 2, Frame.Clip(item.Text, buffer.Width - 4), selected);
            var index = _top + i;
            buffer.Hotspot(FirstRow + i, 0, buffer.Width, () => Click(index));
            if (selected)
            {
                buffer.Cursor = (FirstRow + i, 2);
            }
        }
        if (scrolling)
        {
            buffer.Write(FirstRow - 1, 0, _top > 0 ? Frame.Above(_top) : "");
            buffer.Write(FirstRow + shown, 0, Frame.Below(_menu.Items.Count - _top - shown));
        }
    }

    public override bool Handle(KeyPress key, UiAction? action, IScreenHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        if (action == UiAction.Do)
        {
            if (_menu.Items.Count > 0 && _menu.Items[Current] is { NextType: not NextType.Info } item)
            {
                host.Open(new ScreenRef(item.NextType, item.Next), new Dictionary<string, string>());
            }
            return true;
        }
        switch (key.Name)
        {
            case KeyName.Up: Move(-1, 1); return true;
            case KeyName.Down: Move(1, 1); return true;
            case KeyName.PageUp: Move(-1, 10); return true;
            case KeyName.PageDown: Move(1, 10); return true;
            case KeyName.Home: Current = Math.Max(0, NextSelectable(-1, 1)); return true;
            case KeyName.End: Current = Math.Max(0, NextSelectable(_menu.Items.Count, -1)); return true;
            default: return false;
        }
    }

    public override bool Find(string text)
    {
        for (var step = 1; step <= _menu.Items.Count; step++)
        {
            var i = (Current + step) % _menu.Items.Count;
            if (_menu.Items[i].NextType != NextType.Info && _menu.Items[i].Text.Contains(text, StringComparison.OrdinalIgnoreCase))
            {
                Current = i;
                return true;
            }
        }
        return false;
    }

    /// <summary>A click on an item: the first makes it current, a click on the current item is Enter.</summary>
    private KeyPress? Click(int index)
    {
        if (_menu.Items[index].NextType == NextType.Info)
        {
            return null;
        }
        if (index == Current)
        {
            return KeyPress.Of(KeyName.Enter);
        }
        Current = index;
        return null;
    }

    private void Move(int direction, int count)
    {
        for (var n = 0; n < count; n++)
        {
            var next = NextSelectable(Current, direction);
            if (next < 0)
            {
                return;
            }
            Current = next;
        }
    }

    private int NextSelectable(int from, int direction)
    {
        for (var i = from + direction; i >= 0 && i < _menu.Items.Count; i += direction)
        {
            if (_menu.Items[i].NextType != NextType.Info)
            {
                return i;
            }
        }
        return -1;
    }
}

using ClAdmin.Menus;
using ClAdmin.Menus.Model;
using ClAdmin.Tui.Input;
using ClAdmin.Tui.Rendering;

namespace ClAdmin.Tui.Screens;

/// <summary>
/// The F4 list (smit.md §3.4, §3.5): one pick, or several marked with F7 ('>' in the left
/// column) and returned together with Enter. A range list (cmd_to_list_mode r) only shows.
/// F2 (Refresh) reads a list command's list again (<see cref="Reload"/>), as well as redrawing.
/// </summary>
public sealed class ListPopup : Screen
{
    private ListOutput _list;
    private readonly ListMode _mode;
    private readonly MultiSelect _multi;
    private readonly Action<string> _pick;
    private readonly SortedSet<int> _marked = [];
    private int _top;

    public ListPopup(string title, ListOutput list, ListMode mode, MultiSelect multi, Action<string> pick, string help = "")
    {
        Title = title ?? throw new ArgumentNullException(nameof(title));
        _list = list ?? throw new ArgumentNullException(nameof(list));
        _mode = mode;
        _multi = multi;
        _pick = pick ?? throw new ArgumentNullException(nameof(pick));
        HelpText = help;
    }

    /// <summary>The list F4 shows for a field, ring values included.</summary>
    public static ListPopup ForField(Field field, ListOutput list, Action<string> pick)
    {
        ArgumentNullException.ThrowIfNull(field);
        return new ListPopup(field.Label.Trim(), list, field.Ring is null ? field.ListMode : ListMode.All,
            field.Ring is null ? field.MultiSelect : MultiSelect.Single, pick, field.Help);
    }

    /// <summary>What F2 does besides redrawing: runs the list command again and hands its list to
    /// <see cref="Replace"/> (null for a ring, whose values never change).</summary>
    public Action? Reload { get; set; }

    /// <summary>Shows <paramref name="list"/> instead of the one shown (F2): marks are cleared, the
    /// cursor stays on the same item when it is still listed.</summary>
    public void Replace(ListOutput list)
    {
        ArgumentNullException.ThrowIfNull(list);
        var current = _list.Items.Count > 0 ? _list.Items[Current].Text : null;
        _list = list;
        _marked.Clear();
        var index = current is null ? -1 : list.Items.ToList().FindIndex(i => i.Text == current);
        Current = index >= 0 ? index : Math.Clamp(Current, 0, Math.Max(0, list.Items.Count - 1));
    }

    public override ScreenKind Kind => IsMulti ? ScreenKind.MultiList : ScreenKind.SingleList;

    public override string Title { get; }

    public override string HelpText { get; }

    public override bool IsPopup => true;

    public bool IsMulti => _multi != MultiSelect.Single;

    /// <summary>True when the list has no items (after an F2 that found none).</summary>
    public bool IsEmpty => _list.Items.Count == 0;

    public int Current { get; private set; }

    public IReadOnlyCollection<int> Marked => _marked;

    public override void Paint(ScreenBuffer buffer)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        var body = new List<string>();
        if (IsMulti)
        {
            body.Add(Frame.Text("Move cursor to desired item and press F7."));
            body.Add(Frame.Text("    ONE OR MORE items can be selected."));
            body.Add(Frame.Text("Press Enter AFTER making all selections."));
        }
        else
        {
            body.Add(Frame.Text("Move cursor to desired item and press Enter."));
        }
        var capacity = Frame.PopupCapacity(buffer, Kind) - body.Count - 1 - (_list.Heading is null ? 0 : 1);
        var scrolling = _list.Items.Count > capacity;
        if (scrolling)
        {
            capacity--;
        }
        capacity = Math.Max(1, capacity);
        _top = Math.Clamp(_top, Math.Max(0, Current - capacity + 1), Current);
        body.Add(scrolling ? Frame.Text(Frame.Above(_top)) : "");
        if (_list.Heading is { } heading)
        {
            body.Add("   " + heading);
        }
        var itemsRow = body.Count;
        var shown = Math.Min(capacity, _list.Items.Count - _top);
        for (var i = 0; i < shown; i++)
        {
            var index = _top + i;
            body.Add((_marked.Contains(index) ? ">" : " ") + "  " + _list.Items[index].Text);
        }
        if (scrolling)
        {
            body.Add(Frame.Text(Frame.Below(_list.Items.Count - _top - shown)));
        }
        var (top, left) = Frame.Popup(buffer, Title, body, Kind);
        for (var i = 0; i < shown; i++)
        {
            var index = _top + i;
            buffer.Hotspot(top + 3 + itemsRow + i, left + 1, Frame.PopupWidth - 2, () => Click(index));
        }
        if (_list.Items.Count > 0)
        {
            var row = top + 3 + itemsRow + (Current - _top);
            buffer.Write(row, left + 4, Frame.Clip(_list.Items[Current].Text, Frame.PopupWidth - 6), reverse: true);
            buffer.Cursor = (row, left + 4);
        }
    }

    public override bool Handle(KeyPress key, UiAction? action, IScreenHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        switch (action)
        {
            case UiAction.Do:
                if (_list.Items.Count > 0 && _mode != ListMode.Range)
                {
                    var chosen = Chosen();
                    host.ClosePicked(this, () => _pick(chosen));
                }
                else
                {
                    host.Close(this);
                }
                return true;
            case UiAction.Refresh:
                Reload?.Invoke();
                return false; // and the common F2: the screen is drawn in full
            case UiAction.Select:
                if (!_marked.Remove(Current))
                {
                    _marked.Add(Current);
                }
                return true;
            default:
                break;
        }
        var last = Math.Max(0, _list.Items.Count - 1);
        switch (key.Name)
        {
            case KeyName.Up: Current = Math.Max(0, Current - 1); return true;
            case KeyName.Down: Current = Math.Min(last, Current + 1); return true;
            case KeyName.PageUp: Current = Math.Max(0, Current - 10); return true;
            case KeyName.PageDown: Current = Math.Min(last, Current + 10); return true;
            case KeyName.Home: Current = 0; return true;
            case KeyName.End: Current = last; return true;
            default: return false;
        }
    }

    /// <summary>A click on an item: the first makes it current, a click on the current item is Enter (F7 in a multi-select list).</summary>
    private KeyPress? Click(int index)
    {
        if (index == Current)
        {
            return KeyPress.Of(IsMulti ? KeyName.F7 : KeyName.Enter);
        }
        Current = index;
        return null;
    }

    /// <summary>The value Enter returns: the current item, or every marked item of a multi-select list.</summary>
    public string Chosen()
    {
        if (!IsMulti || _marked.Count == 0)
        {
            return _list.Items[Current].ValueFor(_mode);
        }
        var separator = _multi == MultiSelect.Comma ? "," : " ";
        return string.Join(separator, _marked.Select(i => _list.Items[i].ValueFor(_mode)));
    }

    public override bool Find(string text)
    {
        for (var step = 1; step <= _list.Items.Count; step++)
        {
            var i = (Current + step) % _list.Items.Count;
            if (_list.Items[i].Text.Contains(text, StringComparison.OrdinalIgnoreCase))
            {
                Current = i;
                return true;
            }
        }
        return false;
    }
}

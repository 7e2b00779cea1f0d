using ClAdmin.Menus;
using ClAdmin.Menus.Model;
using ClAdmin.Tui.Input;
using ClAdmin.Tui.Rendering;

namespace ClAdmin.Tui.Screens;

/// <summary>
/// A dialog (smit.md §3.2) or a selector (§3.3, a dialog frame with one field): prompts from
/// column 2, `*` for required fields, editable values as [value] with '[' at column 53, display
/// values at column 54, markers at column 77, [Entry Fields] at column 56, and [TOP] /
/// [MORE...n] / [BOTTOM] when the fields do not fit.
/// </summary>
public sealed class FormScreen : Screen
{
    public const int BracketColumn = 53;
    public const int ValueColumn = 54;
    public const int MarkerColumn = 77;
    public const int EntryFieldsColumn = 56;
    private const int HeaderRow = 5;
    private const int FirstRow = 6;
    private const int ValueWidth = MarkerColumn - 1 - ValueColumn; // text columns before ']' at 76 at most

    private readonly DialogValues _values;
    private readonly Selector? _selector;
    private readonly IReadOnlyDictionary<string, string> _nameValues;
    private readonly Dictionary<string, string> _text = new(StringComparer.Ordinal);
    private readonly string _fastpath;
    private int _cursor;
    private int _top;

    private FormScreen(DialogValues values, Selector? selector, IReadOnlyDictionary<string, string> nameValues, string fastpath)
    {
        _values = values;
        _selector = selector;
        _nameValues = nameValues;
        _fastpath = fastpath;
        foreach (var f in Fields)
        {
            _text[f.Id] = values[f];
        }
        Current = Math.Max(0, NextEditable(-1, 1));
        _cursor = Fields.Count > 0 ? _text[Fields[Current].Id].Length : 0;
    }

    /// <summary>A dialog whose values were opened (with discovery and selector values) by the caller.</summary>
    public static FormScreen ForDialog(DialogValues values, IReadOnlyDictionary<string, string> nameValues) =>
        new(values ?? throw new ArgumentNullException(nameof(values)), null, nameValues, values.Dialog.HasNameSelect ? "" : values.Dialog.Id);

    /// <summary>A selector, shown as a one-field dialog.</summary>
    public static FormScreen ForSelector(Selector selector, IReadOnlyDictionary<string, string> nameValues)
    {
        ArgumentNullException.ThrowIfNull(selector);
        var dialog = new Dialog { Id = selector.Id, Title = selector.Title, Command = "", Fields = [selector.Field], Help = selector.Help };
        return new FormScreen(DialogValues.Open(dialog, nameValues), selector, nameValues, selector.HasNameSelect ? "" : selector.Id);
    }

    public override ScreenKind Kind => ScreenKind.Dialog;

    public override string Title => _values.Dialog.Title;

    public override string Fastpath => _fastpath;

    public bool IsSelector => _selector is not null;

    public Selector? Selector => _selector;

    public DialogValues Values => _values;

    public IReadOnlyList<Field> Fields => _values.Dialog.Fields;

    /// <summary>The index of the current field.</summary>
    public int Current { get; private set; }

    public Field? CurrentField => Fields.Count > 0 ? Fields[Current] : null;

    /// <summary>What the field shows now (as typed, not yet checked).</summary>
    public string TextOf(Field field) => _text[(field ?? throw new ArgumentNullException(nameof(field))).Id];

    public override string HelpText => CurrentField is { Help.Length: > 0 } f ? f.Help : _values.Dialog.Help;

    public override void Paint(ScreenBuffer buffer)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        Frame.Title(buffer, Title);
        buffer.Write(2, 0, IsSelector ? "Type or select a value for the entry field." : "Type or select values in entry fields.");
        buffer.Write(3, 0, "Press Enter AFTER making all desired changes.");
        buffer.Write(HeaderRow, EntryFieldsColumn, "[Entry Fields]");
        var legendTop = Frame.Legend(buffer, Kind);
        var capacity = legendTop - 2 - FirstRow;
        var scrolling = Fields.Count > capacity;
        _top = scrolling ? Math.Clamp(_top, Math.Max(0, Current - capacity + 1), Math.Min(Current, Fields.Count - capacity)) : 0;
        var shown = Math.Min(capacity, Fields.Count - _top);
        for (var i = 0; i < shown; i++)
        {
            PaintField(buffer, FirstRow + i, _top + i);
        }
        if (scrolling)
        {
            buffer.Write(HeaderRow, 0, Frame.Above(_top));
            buffer.Write(FirstRow + shown, 0, Frame.Below(Fields.Count - _top - shown));
        }
    }

    private void PaintField(ScreenBuffer buffer, int row, int index)
    {
        var field = Fields[index];
        if (field.IsHeading)
        {
            buffer.Write(row, 2, Frame.Clip(field.Label, buffer.Width - 2));
            return;
        }
        buffer.Hotspot(row, 0, buffer.Width, () =>
        {
            MoveTo(index); // a click on a field makes it the current one, as Up and Down do
            return null;
        });
        if (field.Required == Required.NonBlank)
        {
            buffer.Write(row, 0, "*");
        }
        buffer.Write(row, 2, Frame.Clip(field.Label, BracketColumn - 3));
        var text = field.Secret ? "" : _text[field.Id];
        var current = index == Current;
        var cursor = field.Secret ? 0 : Math.Clamp(_cursor, 0, text.Length);
        if (FieldEditor.CanType(field))
        {
            var start = current ? Math.Max(0, cursor - ValueWidth + 1) : 0;
            var visible = text.Length - start > ValueWidth ? text.Substring(start, ValueWidth) : text[start..];
            buffer.Write(row, BracketColumn, start > 0 ? "<" : "[");
            buffer.Write(row, ValueColumn, visible);
            buffer.Write(row, ValueColumn + visible.Length, start + visible.Length < text.Length ? ">" : "]");
            if (current)
            {
                buffer.Cursor = (row, ValueColumn + cursor - start);
            }
        }
        else
        {
            buffer.Write(row, ValueColumn, Frame.Clip(text, MarkerColumn - 1 - ValueColumn));
            if (current)
            {
                buffer.Cursor = (row, ValueColumn);
            }
        }
        buffer.Write(row, MarkerColumn, FieldEditor.Markers(field));
    }

    public override bool Handle(KeyPress key, UiAction? action, IScreenHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        if (CurrentField is not { } field)
        {
            return action is not UiAction.Do;
        }
        switch (action)
        {
            case UiAction.Do:
                Enter(host);
                return true;
            case UiAction.List:
                if (field.HasList)
                {
                    host.ShowList(field, ListValues(), value => Pick(field, value));
                }
                return true;
            case UiAction.Reset:
                _text[field.Id] = _values.InitialOf(field);
                _cursor = _text[field.Id].Length;
                return true;
            case UiAction.Command:
                if (!IsSelector && Sync(host))
                {
                    host.ShowCommand(_values);
                }
                return true;
            case UiAction.Edit:
                return true;
            default:
                break;
        }
        var text = _text[field.Id];
        switch (key.Name)
        {
            case KeyName.Up: MoveTo(NextEditable(Current, -1)); return true;
            case KeyName.Down: MoveTo(NextEditable(Current, 1)); return true;
            case KeyName.PageUp: for (var i = 0; i < 10; i++) { MoveTo(NextEditable(Current, -1)); } return true;
            case KeyName.PageDown: for (var i = 0; i < 10; i++) { MoveTo(NextEditable(Current, 1)); } return true;
            case KeyName.Tab: Cycle(field, 1); return true;
            case KeyName.BackTab: Cycle(field, -1); return true;
            case KeyName.Left: _cursor = Math.Max(0, _cursor - 1); return true;
            case KeyName.Right: _cursor = Math.Min(text.Length, _cursor + 1); return true;
            case KeyName.Home: _cursor = 0; return true;
            case KeyName.End: _cursor = text.Length; return true;
            case KeyName.Backspace when FieldEditor.CanType(field):
                FieldEditor.Backspace(ref text, ref _cursor);
                break;
            case KeyName.Delete when FieldEditor.CanType(field):
                FieldEditor.Delete(ref text, _cursor);
                break;
            case KeyName.KillToEnd when FieldEditor.CanType(field):
                FieldEditor.KillToEnd(ref text, _cursor);
                break;
            case KeyName.Char:
                FieldEditor.Insert(field, ref text, ref _cursor, key.Char);
                break;
            default:
                return false;
        }
        _text[field.Id] = text;
        return true;
    }

    /// <summary>Puts a value picked from a list into a field (the list pop-up calls this).</summary>
    public void Pick(Field field, string value)
    {
        ArgumentNullException.ThrowIfNull(field);
        _text[field.Id] = value;
        if (ReferenceEquals(field, CurrentField))
        {
            _cursor = value.Length;
        }
    }

    /// <summary>Copies what is typed into the dialog's values; the first refusal is shown and false returned.</summary>
    public bool Sync(IScreenHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        foreach (var f in Fields.Where(f => !f.IsHeading))
        {
            if (_values.Set(f, _text[f.Id]) is { } error)
            {
                host.ShowMessage("ERROR MESSAGE", error);
                return false;
            }
        }
        return true;
    }

    private void Enter(IScreenHost host)
    {
        if (!Sync(host))
        {
            return;
        }
        if (_selector is { } selector)
        {
            host.SelectorDone(selector, _text[selector.Field.Id], _nameValues);
            return;
        }
        host.RunDialog(_values);
    }

    /// <summary>The names a list command's postfix may use: the names handed in, plus each field's value.</summary>
    private Dictionary<string, string> ListValues()
    {
        var values = new Dictionary<string, string>(_nameValues, StringComparer.Ordinal);
        foreach (var f in Fields.Where(f => !f.IsHeading && !f.Secret))
        {
            values[f.Id] = _text[f.Id];
            if (f.DiscoveryName.Length > 0)
            {
                values[f.DiscoveryName] = _text[f.Id];
            }
        }
        return values;
    }

    private void Cycle(Field field, int direction)
    {
        if (field.Ring is not { } ring)
        {
            MoveTo(NextEditable(Current, direction));
            return;
        }
        var index = ring.IndexOf(_text[field.Id]);
        index = ((index < 0 ? 0 : index + direction) % ring.Values.Count + ring.Values.Count) % ring.Values.Count;
        _text[field.Id] = ring.Values[index];
        _cursor = _text[field.Id].Length;
    }

    private void MoveTo(int index)
    {
        if (index >= 0)
        {
            Current = index;
            _cursor = _text[Fields[index].Id].Length;
        }
    }

    private int NextEditable(int from, int direction)
    {
        for (var i = from + direction; i >= 0 && i < Fields.Count; i += direction)
        {
            if (!Fields[i].IsHeading)
            {
                return i;
            }
        }
        return -1;
    }

    public override bool Find(string text)
    {
        for (var step = 1; step <= Fields.Count; step++)
        {
            var i = (Current + step) % Fields.Count;
            if (!Fields[i].IsHeading && Fields[i].Label.Contains(text, StringComparison.OrdinalIgnoreCase))
            {
                MoveTo(i);
                return true;
            }
        }
        return false;
    }
}

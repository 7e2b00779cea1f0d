using ClAdmin.Tui.Input;
using ClAdmin.Tui.Rendering;

namespace ClAdmin.Tui.Screens;

/// <summary>The `/` prompt: type the text to find, Enter searches from the current line.</summary>
public sealed class FindPrompt : Screen
{
    private readonly Action<string> _find;
    private string _text;

    public FindPrompt(string initial, Action<string> find)
    {
        _text = initial ?? "";
        _find = find ?? throw new ArgumentNullException(nameof(find));
    }

    public override ScreenKind Kind => ScreenKind.FindPrompt;

    public override string Title => "FIND";

    public override bool IsPopup => true;

    public override string HelpText => "Type the text to find and press Enter; n finds the next match.";

    public string Text => _text;

    public override void Paint(ScreenBuffer buffer)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        var (top, left) = Frame.Popup(buffer, Title,
            [Frame.Text("Type the text to find and press Enter."), "", "   [" + _text + "]"], Kind);
        buffer.Cursor = (top + 5, left + 5 + _text.Length);
    }

    public override bool Handle(KeyPress key, UiAction? action, IScreenHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        if (action == UiAction.Do)
        {
            host.Close(this);
            if (_text.Length > 0)
            {
                _find(_text);
            }
            return true;
        }
        switch (key.Name)
        {
            case KeyName.Char when _text.Length < Frame.PopupWidth - 10:
                _text += key.Char;
                return true;
            case KeyName.Backspace when _text.Length > 0:
                _text = _text[..^1];
                return true;
            default:
                return key.Name is KeyName.Char or KeyName.Backspace;
        }
    }
}

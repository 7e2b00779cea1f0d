using ClAdmin.Tui.Input;
using ClAdmin.Tui.Rendering;

namespace ClAdmin.Tui.Screens;

/// <summary>
/// A pop-up of text with Enter and F3 (smit.md §3.7, §3.8): ARE YOU SURE?, SHOW COMMAND STRING,
/// help, the fast path (F8) and error messages. Enter runs <c>onEnter</c> when one is given.
/// </summary>
public sealed class MessagePopup : Screen
{
    private readonly IReadOnlyList<string> _body;
    private readonly Action? _onEnter;
    private int _top;

    public MessagePopup(string title, IReadOnlyList<string> body, Action? onEnter = null)
    {
        Title = title ?? throw new ArgumentNullException(nameof(title));
        _body = body ?? throw new ArgumentNullException(nameof(body));
        _onEnter = onEnter;
    }

    public override ScreenKind Kind => ScreenKind.Message;

    public override string Title { get; }

    public override bool IsPopup => true;

    public override string HelpText => Title switch
    {
        "ARE YOU SURE?" => "Enter runs the command; F3 returns to the dialog without running it.",
        _ => "Enter or F3 closes this window.",
    };

    /// <summary>Wrapped text, each line indented one blank inside the border.</summary>
    public static MessagePopup Text(string title, string text, Action? onEnter = null) =>
        new(title, Frame.Wrap(text ?? "", Frame.PopupWidth - 4).Select(Frame.Text).ToList(), onEnter);

    public static MessagePopup AreYouSure(Action onEnter) => new("ARE YOU SURE?",
    [
        Frame.Text("Continuing may delete information you may want"),
        Frame.Text("to keep.  This is your last chance to stop"),
        Frame.Text("before continuing."),
        "     Press Enter to continue.",
        "     Press Cancel to return to the application.",
    ], onEnter);

    public static MessagePopup CommandString(string commandLine)
    {
        ArgumentNullException.ThrowIfNull(commandLine);
        var body = new List<string>
        {
            Frame.Text("Press Enter or Cancel to return to the"),
            Frame.Text("application."),
            "",
        };
        body.AddRange(Frame.Wrap(commandLine, Frame.PopupWidth - 6).Select(l => "   " + l));
        return new MessagePopup("SHOW COMMAND STRING", body);
    }

    public static MessagePopup Image(string fastpath) => new("PRINT SCREEN",
    [
        Frame.Text("The screen image was written to the log."),
        "",
        Frame.Text(fastpath.Length > 0 ? $"Current fast path:  \"{fastpath}\"" : "This screen has no fast path."),
    ]);

    public override void Paint(ScreenBuffer buffer)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        var capacity = Frame.PopupCapacity(buffer, Kind);
        IReadOnlyList<string> shown = _body;
        if (_body.Count > capacity)
        {
            _top = Math.Clamp(_top, 0, _body.Count - capacity + 1);
            var window = _body.Skip(_top).Take(capacity - 1).ToList();
            window.Add(Frame.Text(Frame.Below(_body.Count - _top - window.Count)));
            shown = window;
        }
        Frame.Popup(buffer, Title, shown, Kind);
    }

    public override bool Handle(KeyPress key, UiAction? action, IScreenHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        if (action == UiAction.Do)
        {
            host.Close(this);
            _onEnter?.Invoke();
            return true;
        }
        switch (key.Name)
        {
            case KeyName.Up or KeyName.PageUp: _top = Math.Max(0, _top - (key.Name == KeyName.Up ? 1 : 10)); return true;
            case KeyName.Down or KeyName.PageDown: _top += key.Name == KeyName.Down ? 1 : 10; return true;
            default: return false;
        }
    }
}

using ClAdmin.Contracts;
using ClAdmin.Menus.Model;
using ClAdmin.Menus;
using ClAdmin.Tui.Input;
using ClAdmin.Tui.Logging;
using ClAdmin.Tui.Rendering;
using ClAdmin.Tui.Screens;

namespace ClAdmin.Tui.Session;

/// <summary>
/// One smitty session: the stack of screens (<see cref="ScreenStack"/>), its event loop
/// (<see cref="EventQueue"/>), the keys common to every screen (F1 F3 F8 F9 F10, /, n, F5 on
/// COMMAND STATUS), building and confirming a dialog's command (F6, Enter, ARE YOU SURE?), the
/// list and selector flow (<see cref="Navigator"/>) and running commands through the
/// <see cref="IDispatcher"/> (<see cref="CommandRunner"/>). Work that waits (the dispatcher) runs
/// off the loop and posts its result back, so keys and resizes are handled while a command runs.
/// Nothing here draws to a terminal.
/// </summary>
public sealed class TuiSession : IScreenHost
{
    private readonly MenuTree _tree;
    private readonly ISessionLog _log;
    private readonly ScreenStack _screens = new();
    private readonly EventQueue _events = new();
    private readonly CommandRunner _runner;
    private readonly Navigator _navigator;
    private string _lastFind = "";
    private (int Width, int Height) _size = (Frame.MinWidth, Frame.MinHeight);
    private ScreenBuffer? _lastFrame;

    public TuiSession(MenuTree tree, IDispatcher dispatcher, ISessionLog? log = null, TuiOptions? options = null)
    {
        _tree = tree ?? throw new ArgumentNullException(nameof(tree));
        ArgumentNullException.ThrowIfNull(dispatcher);
        _log = log ?? NullSessionLog.Instance;
        _runner = new CommandRunner(dispatcher, _log, options ?? new TuiOptions(), _events, this);
        _navigator = new Navigator(_tree, _log, this, _runner);
    }

    public IReadOnlyList<Screen> Stack => _screens.Screens;

    public Screen? Top => _screens.Top;

    public bool Exited { get; private set; }

    /// <summary>Set when the next frame must be drawn in full (F2, Ctrl-L, after a shell).</summary>
    public bool FullRedrawRequested { get; set; }

    /// <summary>F9: runs a shell and returns when it exits (the terminal layer sets this).</summary>
    public Action? ShellHandler { get; set; }

    /// <summary>Opens the first screen; false (with a message on <paramref name="error"/>) for an unknown fast path.</summary>
    public bool Start(string fastpath, out string? error)
    {
        _log.Starting();
        if (_tree.Resolve(fastpath) is not { } screen)
        {
            error = $"cladmin: no screen has the fast path '{fastpath}'";
            return false;
        }
        error = null;
        Open(screen, new Dictionary<string, string>());
        return true;
    }

    // ---- the loop's side: events in, frames out ----

    /// <summary>Queues work for the loop (keys from the input thread, results from the dispatcher).</summary>
    public void Post(Action action) => _events.Post(action);

    /// <summary>Waits until an event is queued.</summary>
    public ValueTask<bool> WaitAsync(CancellationToken cancellationToken) => _events.WaitAsync(cancellationToken);

    /// <summary>Runs every queued event; true if any ran.</summary>
    public bool RunQueued()
    {
        var any = _events.RunQueued();
        if (any)
        {
            ExitWhenEmpty();
        }
        return any;
    }

    /// <summary>Waits for every command and list started so far and applies their results (tests, linear mode).</summary>
    public async Task SettleAsync()
    {
        await _events.SettleAsync().ConfigureAwait(false);
        ExitWhenEmpty();
    }

    /// <summary>The terminal's one-second timer: a live status screen on top runs its command again
    /// (unless its last run is still on its way); the result is posted back like any other.</summary>
    public void Tick()
    {
        if (Top is StatusScreen { Live: true, Refreshing: false } status && status.State != CommandState.Running)
        {
            _runner.Refresh(status);
        }
    }

    /// <summary>Draws the top full screen and the pop-ups above it.</summary>
    public void Paint(ScreenBuffer buffer)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        _size = (buffer.Width, buffer.Height);
        _screens.Paint(buffer);
        _lastFrame = buffer;
    }

    /// <summary>A mouse click at a cell of the last frame: an item, a field, a legend key; elsewhere nothing.</summary>
    public void Click(int row, int column)
    {
        if (_lastFrame?.Click(row, column) is { } key)
        {
            Key(key);
        }
    }

    /// <summary>One key, on the top screen.</summary>
    public void Key(KeyPress key)
    {
        if (key.Name == KeyName.Interrupt)
        {
            _runner.Interrupt();
            return;
        }
        if (Top is not { } top)
        {
            return;
        }
        var action = KeyTable.Resolve(top.Kind, key);
        if (top.Handle(key, action, this) || action is not { } a)
        {
            return;
        }
        Common(top, a);
    }

    private void Common(Screen top, UiAction action)
    {
        switch (action)
        {
            case UiAction.Help:
                Push(MessagePopup.Text(top.Title, top.HelpText.Length > 0 ? top.HelpText : "No help is available for this screen."));
                break;
            case UiAction.Refresh:
                FullRedrawRequested = true;
                break;
            case UiAction.Cancel:
                Close(top);
                break;
            case UiAction.Image:
                var image = new ScreenBuffer(_size.Width, _size.Height);
                Paint(image);
                _log.ScreenImage(image.ToString());
                Push(MessagePopup.Image(_screens.TopFastpath));
                break;
            case UiAction.Shell:
                ShellHandler?.Invoke();
                FullRedrawRequested = true;
                break;
            case UiAction.Exit:
                Exit();
                break;
            case UiAction.Find:
                Push(new FindPrompt(_lastFind, text =>
                {
                    _lastFind = text;
                    FindIn(top);
                }));
                break;
            case UiAction.FindNext:
                if (_lastFind.Length > 0)
                {
                    FindIn(top);
                }
                break;
            case UiAction.RerunFailed when top is StatusScreen status:
                _runner.Rerun(status);
                break;
            default:
                break;
        }
    }

    private void FindIn(Screen screen)
    {
        if (!screen.Find(_lastFind))
        {
            ShowMessage("FIND", $"No more matches for \"{_lastFind}\".");
        }
    }

    private void Exit()
    {
        if (!Exited)
        {
            _runner.Interrupt();
            _log.Exiting();
            Exited = true;
        }
    }

    // ---- IScreenHost ----

    public void Push(Screen screen)
    {
        ArgumentNullException.ThrowIfNull(screen);
        _screens.Push(screen);
    }

    public void Close(Screen screen)
    {
        if (_screens.Close(screen))
        {
            Exit();
        }
    }

    public void ClosePicked(Screen popup, Action pick)
    {
        ArgumentNullException.ThrowIfNull(pick);
        _screens.Close(popup);
        pick();
        ExitWhenEmpty();
    }

    /// <summary>No screen is left and nothing started will open one: the session ends.</summary>
    private void ExitWhenEmpty()
    {
        if (_screens.Screens.Count == 0 && !_events.Busy)
        {
            Exit();
        }
    }

    public void ShowMessage(string title, string text) => Push(MessagePopup.Text(title, text));

    public void Open(ScreenRef screen, IReadOnlyDictionary<string, string> nameValues)
    {
        ArgumentNullException.ThrowIfNull(nameValues);
        _navigator.Open(screen, nameValues);
    }

    public void ShowList(Field field, IReadOnlyDictionary<string, string> nameValues, Action<string> pick)
    {
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(nameValues);
        _navigator.ShowList(field, nameValues, pick);
    }

    public void SelectorDone(Selector selector, string value, IReadOnlyDictionary<string, string> nameValues)
    {
        ArgumentNullException.ThrowIfNull(selector);
        ArgumentNullException.ThrowIfNull(nameValues);
        _navigator.SelectorDone(selector, value, nameValues);
    }

    // ---- build and confirm ----

    /// <summary>F6: the command the dialog would run, or why it cannot be built.</summary>
    public void ShowCommand(DialogValues values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var built = CommandBuilder.Build(values);
        if (!built.Ok)
        {
            ShowMessage("ERROR MESSAGE", string.Join("\n", built.Errors));
            return;
        }
        Push(MessagePopup.CommandString(built.Command!.CommandLine));
    }

    /// <summary>Enter on a dialog: builds the command, asks ARE YOU SURE? when the dialog asks, and runs it.</summary>
    public void RunDialog(DialogValues values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var built = CommandBuilder.Build(values);
        if (!built.Ok)
        {
            ShowMessage("ERROR MESSAGE", string.Join("\n", built.Errors));
            return;
        }
        var command = built.Command!;
        void Go() => _runner.Execute(new StatusScreen(command.CommandLine, StdinOf(command)) { Live = values.Dialog.Live }, values);
        if (values.Dialog.Asks)
        {
            Push(MessagePopup.AreYouSure(Go));
        }
        else
        {
            Go();
        }
    }

    private static string StdinOf(BuiltCommand command) =>
        command.StandardInput.Count == 0 ? "" : string.Join("\n", command.StandardInput) + "\n";
}

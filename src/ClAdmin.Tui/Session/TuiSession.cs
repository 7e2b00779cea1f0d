using System.Threading.Channels;
using ClAdmin.Contracts;
using ClAdmin.Menus.Model;
using ClAdmin.Menus;
using ClAdmin.Tui.Input;
using ClAdmin.Tui.Logging;
using ClAdmin.Tui.Rendering;
using ClAdmin.Tui.Screens;

namespace ClAdmin.Tui.Session;

/// <summary>
/// The stack of screens and everything they ask for: opening screens by fast path, F4 lists,
/// discovery, selector steps, building, confirming and running commands through the
/// <see cref="IDispatcher"/>, the log, and the keys common to every screen (F1 F3 F8 F9 F10, /, n).
/// Work that waits (the dispatcher) runs off the loop and posts its result back, so keys and
/// resizes are handled while a command runs. Nothing here draws to a terminal.
/// </summary>
public sealed class TuiSession : IScreenHost
{
    private readonly MenuTree _tree;
    private readonly IDispatcher _dispatcher;
    private readonly ISessionLog _log;
    private readonly TuiOptions _options;
    private readonly List<Screen> _stack = [];
    private readonly Channel<Action> _events = Channel.CreateUnbounded<Action>();
    private readonly List<Task> _pending = [];
    private CancellationTokenSource? _running;
    private string _lastFind = "";
    private (int Width, int Height) _size = (Frame.MinWidth, Frame.MinHeight);

    public TuiSession(MenuTree tree, IDispatcher dispatcher, ISessionLog? log = null, TuiOptions? options = null)
    {
        _tree = tree ?? throw new ArgumentNullException(nameof(tree));
        _dispatcher = dispatcher ?? throw new ArgumentNullException(nameof(dispatcher));
        _log = log ?? NullSessionLog.Instance;
        _options = options ?? new TuiOptions();
    }

    public IReadOnlyList<Screen> Stack => _stack;

    public Screen? Top => _stack.Count > 0 ? _stack[^1] : null;

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
    public void Post(Action action) => _events.Writer.TryWrite(action);

    /// <summary>Waits until an event is queued.</summary>
    public ValueTask<bool> WaitAsync(CancellationToken cancellationToken) => _events.Reader.WaitToReadAsync(cancellationToken);

    /// <summary>Runs every queued event; true if any ran.</summary>
    public bool RunQueued()
    {
        var any = false;
        while (_events.Reader.TryRead(out var action))
        {
            action();
            any = true;
        }
        return any;
    }

    /// <summary>Waits for every command and list started so far and applies their results (tests, linear mode).</summary>
    public async Task SettleAsync()
    {
        while (true)
        {
            Task[] pending;
            lock (_pending)
            {
                _pending.RemoveAll(t => t.IsCompleted);
                pending = [.. _pending];
            }
            if (pending.Length == 0 && !RunQueued())
            {
                return;
            }
            await Task.WhenAll(pending).ConfigureAwait(false);
            RunQueued();
        }
    }

    /// <summary>Draws the top full screen and the pop-ups above it.</summary>
    public void Paint(ScreenBuffer buffer)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        _size = (buffer.Width, buffer.Height);
        buffer.Clear();
        var bottom = _stack.FindLastIndex(s => !s.IsPopup);
        for (var i = Math.Max(0, bottom); i < _stack.Count; i++)
        {
            if (i > Math.Max(0, bottom))
            {
                buffer.Cursor = null;
            }
            _stack[i].Paint(buffer);
        }
    }

    /// <summary>One key, on the top screen.</summary>
    public void Key(KeyPress key)
    {
        if (key.Name == KeyName.Interrupt)
        {
            _running?.Cancel();
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
                Push(MessagePopup.Image(_stack.LastOrDefault(s => !s.IsPopup)?.Fastpath ?? ""));
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
                Rerun(status);
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
            _running?.Cancel();
            _log.Exiting();
            Exited = true;
        }
    }

    // ---- IScreenHost ----

    public void Push(Screen screen)
    {
        ArgumentNullException.ThrowIfNull(screen);
        _stack.Add(screen);
    }

    public void Close(Screen screen)
    {
        var i = _stack.LastIndexOf(screen);
        if (i >= 0)
        {
            _stack.RemoveRange(i, _stack.Count - i);
        }
        if (_stack.Count == 0)
        {
            Exit();
        }
    }

    public void ShowMessage(string title, string text) => Push(MessagePopup.Text(title, text));

    public void Open(ScreenRef screen, IReadOnlyDictionary<string, string> nameValues)
    {
        ArgumentNullException.ThrowIfNull(nameValues);
        if (!_tree.Contains(screen))
        {
            ShowMessage("ERROR MESSAGE", $"The screen {screen} does not exist.");
            return;
        }
        switch (screen.Kind)
        {
            case NextType.Menu:
                var menu = _tree.Menus[screen.Id];
                _log.Screen("Menu", FastpathOf(screen), menu.Id, menu.Title);
                Push(new MenuScreen(menu));
                break;
            case NextType.Selector:
                var selector = _tree.Selectors[screen.Id];
                _log.Screen("Selector", FastpathOf(screen), selector.Id, selector.Title);
                if (selector.Ghost && selector.Field.HasList)
                {
                    // A ghost selector is not drawn: its list pops up over the screen below.
                    ShowList(selector.Field, nameValues, value => SelectorDone(selector, value, nameValues));
                }
                else
                {
                    Push(FormScreen.ForSelector(selector, nameValues));
                }
                break;
            case NextType.Dialog:
                OpenDialog(_tree.Dialogs[screen.Id], nameValues);
                break;
            default:
                break;
        }
    }

    private string FastpathOf(ScreenRef screen) => _tree.Resolve(screen.Id) is { } r && r == screen ? screen.Id : "";

    private void OpenDialog(Dialog dialog, IReadOnlyDictionary<string, string> nameValues)
    {
        _log.Screen("Dialogue", FastpathOf(new ScreenRef(NextType.Dialog, dialog.Id)), dialog.Id, dialog.Title);
        if (dialog.DiscoverCommand.Length == 0)
        {
            ShowDialog(dialog, nameValues);
            return;
        }
        var command = Postfix.Apply(dialog.DiscoverCommand, dialog.DiscoverPostfix, nameValues);
        RunIntermediate(command, result =>
        {
            IReadOnlyDictionary<string, string> discovered;
            try
            {
                discovered = ColonFormat.Parse(result.Stdout);
            }
            catch (FormatException e)
            {
                ShowMessage("ERROR MESSAGE", $"The discovery command of \"{dialog.Title}\" gave output that cannot be read:\n{command}\n{e.Message}");
                return;
            }
            var merged = new Dictionary<string, string>(nameValues, StringComparer.Ordinal);
            foreach (var (k, v) in discovered)
            {
                merged[k] = v;
            }
            ShowDialog(dialog, merged);
        });
    }

    private void ShowDialog(Dialog dialog, IReadOnlyDictionary<string, string> nameValues)
    {
        var values = DialogValues.Open(dialog, nameValues);
        if (dialog.Ghost)
        {
            RunDialog(values); // a ghost dialog is not drawn: it runs (asking first when it asks)
            return;
        }
        Push(FormScreen.ForDialog(values, nameValues));
    }

    public void ShowList(Field field, IReadOnlyDictionary<string, string> nameValues, Action<string> pick)
    {
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(nameValues);
        if (field.Ring is { } ring)
        {
            var items = ring.Values.Select(v => new ListItem(v, [])).ToList();
            var popup = ListPopup.ForField(field, new ListOutput(null, items), pick);
            Push(popup);
            return;
        }
        var command = Postfix.Apply(field.ListCommand, field.ListPostfix, nameValues);
        RunIntermediate(command, result =>
        {
            // Run on nodes (C-SPOC prefixes each line with its node): each node's list, merged.
            var list = result.Nodes.Count > 0 ? ListOutput.Merge(result.Nodes.Select(n => n.Stdout)) : ListOutput.Parse(result.Stdout);
            if (list.Items.Count == 0)
            {
                ShowMessage("ERROR MESSAGE", $"There are no items to list.\n\nThe list command was:\n{command}");
                return;
            }
            Push(ListPopup.ForField(field, list, pick));
        });
    }

    public void SelectorDone(Selector selector, string value, IReadOnlyDictionary<string, string> nameValues)
    {
        ArgumentNullException.ThrowIfNull(selector);
        ArgumentNullException.ThrowIfNull(nameValues);
        if (value.Trim().Length == 0 && selector.Type != SelectorType.JustNext)
        {
            ShowMessage("ERROR MESSAGE", $"Enter a value for \"{selector.Field.Label.Trim()}\" or press F4 for a list.");
            return;
        }
        void Step(string? classified)
        {
            var outcome = SelectorStep.Select(selector, value, nameValues, classified);
            if (!_tree.Contains(outcome.Next))
            {
                ShowMessage("ERROR MESSAGE", $"\"{value.Trim()}\" does not lead to a screen ({outcome.Next}); choose another value.");
                return;
            }
            Open(outcome.Next, outcome.NameValues);
        }
        if (SelectorStep.ClassifyCommand(selector, value, nameValues) is { } classify)
        {
            RunIntermediate(classify, result => Step(result.Stdout));
        }
        else
        {
            Step(null);
        }
    }

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
        void Go() => Execute(new StatusScreen(command.CommandLine, StdinOf(command)), values);
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

    private void Rerun(StatusScreen previous)
    {
        var failed = previous.FailedNodes;
        if (failed.Count > 0)
        {
            Execute(new StatusScreen(previous.CommandLine, previous.StandardInput, failed), null);
        }
    }

    /// <summary>Shows COMMAND STATUS and runs the command (or, under -x, only logs it).</summary>
    private void Execute(StatusScreen status, DialogValues? values)
    {
        Push(status);
        var secrets = status.StandardInput.Length == 0 ? 0 : status.StandardInput.Count(c => c == '\n');
        _log.Command(status.CommandLine, secrets, run: !_options.NoExecute);
        if (_options.NoExecute)
        {
            status.Complete(CommandState.Ok,
                "cladmin -x: the command was NOT run; it was written to the log and\nthe script file:\n\n" + status.CommandLine, isError: false);
            return;
        }
        var cts = new CancellationTokenSource();
        _running = cts;
        var request = new CommandRequest(status.CommandLine, status.StandardInput, status.TargetNodes)
        {
            // Output and the node grid grow while the command runs on the other nodes.
            OnNodeResult = node => Post(() => status.NodeFinished(node)),
        };
        Background(async () =>
        {
            CommandResult? result = null;
            string? failure = null;
            try
            {
                result = await _dispatcher.RunAsync(request, cts.Token).ConfigureAwait(false);
                failure = result is null ? "cladmin: the dispatcher returned no result." : null;
            }
            catch (OperationCanceledException)
            {
                failure = "The command was cancelled (Ctrl-C).";
            }
#pragma warning disable CA1031 // a failing dispatcher must end on COMMAND STATUS, not crash the screens
            catch (Exception e)
#pragma warning restore CA1031
            {
                failure = "cladmin: the command could not be run: " + e.Message;
            }
            Post(() =>
            {
                if (ReferenceEquals(_running, cts))
                {
                    _running = null;
                }
                cts.Dispose();
                if (result is not null)
                {
                    status.Complete(result);
                    _log.Output(result.Stdout, result.Stderr, result.ExitCode == 0 ? "OK" : $"failed (exit code {result.ExitCode})");
                    if (result.ExitCode == 0)
                    {
                        values?.ClearAfterSuccess();
                    }
                }
                else
                {
                    status.Complete(CommandState.Failed, failure!, isError: true);
                    _log.Output("", failure!, "failed");
                }
            });
        });
    }

    /// <summary>Runs a list, discover or classify command; failures become an error pop-up.</summary>
    private void RunIntermediate(string command, Action<CommandResult> then)
    {
        Background(async () =>
        {
            CommandResult result;
            try
            {
                result = await _dispatcher.RunAsync(new CommandRequest(command), CancellationToken.None).ConfigureAwait(false)
                    ?? CommandResult.Local(1, "", "cladmin: the dispatcher returned no result.");
            }
#pragma warning disable CA1031 // reported to the user as an error pop-up
            catch (Exception e)
#pragma warning restore CA1031
            {
                result = CommandResult.Local(1, "", e.Message);
            }
            Post(() =>
            {
                _log.Intermediate(command, result.ExitCode);
                if (result.ExitCode != 0)
                {
                    var why = (result.Stderr.Length > 0 ? result.Stderr : result.Stdout).TrimEnd();
                    ShowMessage("ERROR MESSAGE", $"The command for this list or screen failed:\n{command}\n\n{why}");
                    return;
                }
                then(result);
            });
        });
    }

    private void Background(Func<Task> work)
    {
        var task = Task.Run(work);
        lock (_pending)
        {
            _pending.Add(task);
        }
    }
}

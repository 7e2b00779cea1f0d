using ClAdmin.Contracts;
using ClAdmin.Tui.Input;
using ClAdmin.Tui.Rendering;

namespace ClAdmin.Tui.Screens;

/// <summary>
/// COMMAND STATUS (smit.md §3.6): `Command: running/OK/failed`, `stdout:` at column 23 and
/// `stderr:` at column 45, the output with [TOP] / [MORE...n] / [BOTTOM], following the tail while
/// the command runs. A fan-out result adds a per-node grid above the output and F5 re-runs the
/// command on the nodes that did not succeed. Only the visible lines are drawn, so paging a
/// very long output costs the same as a short one.
/// </summary>
public sealed class StatusScreen : Screen
{
    private const int TopRow = 6;
    private readonly List<string> _lines = [];
    private string _partial = "";
    private int _top;
    private bool _follow = true;

    public StatusScreen(string commandLine, string standardInput = "", IReadOnlyList<string>? nodes = null)
    {
        CommandLine = commandLine ?? throw new ArgumentNullException(nameof(commandLine));
        StandardInput = standardInput;
        TargetNodes = nodes;
    }

    public override ScreenKind Kind => FailedNodes.Count > 0 && State != CommandState.Running
        ? ScreenKind.CommandStatusWithFailedNodes : ScreenKind.CommandStatus;

    public override string Title => "COMMAND STATUS";

    public override string HelpText =>
        (Question is not null ? "The command asks a question (last line): type y for yes or n for no. " : "") +
        "The output of the command. Up, Down, PageUp and PageDown scroll; / finds text, n the next match; " +
        "F6 shows the command; F3 returns to the dialog." +
        (FailedNodes.Count > 0 ? " F5 runs the command again on the nodes that did not succeed." : "");

    public string CommandLine { get; }

    /// <summary>What the command reads on standard input (secrets); kept only for a re-run, never shown.</summary>
    public string StandardInput { get; }

    public IReadOnlyList<string>? TargetNodes { get; }

    /// <summary>A live status screen: the command runs again at each tick while the screen is on top
    /// (<see cref="Session.TuiSession.Tick"/>), its output replacing the last in place.</summary>
    public bool Live { get; init; }

    /// <summary>True while a live screen's next run is on its way.</summary>
    internal bool Refreshing { get; set; }

    /// <summary>A live screen's new run: its output in place of the last, the scroll position kept.</summary>
    public void Replace(CommandResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        _lines.Clear();
        _partial = "";
        HasStdout = HasStderr = false;
        Append(result.Stdout);
        Append(result.Stderr, isError: true);
        State = result.ExitCode == 0 ? CommandState.Ok : CommandState.Failed;
    }

    public CommandState State { get; private set; } = CommandState.Running;

    public bool HasStdout { get; private set; }

    public bool HasStderr { get; private set; }

    public IReadOnlyList<NodeResult> Nodes { get; private set; } = [];

    /// <summary>The nodes that did not end OK.</summary>
    public IReadOnlyList<string> FailedNodes => Nodes.Where(n => n.Outcome != NodeOutcome.Ok).Select(n => n.Node).ToList();

    public int LineCount => _lines.Count + (_partial.Length > 0 ? 1 : 0);

    /// <summary>Output as it arrives (stdout or stderr); the view follows the tail unless the user scrolled.</summary>
    public void Append(string text, bool isError = false)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0)
        {
            return;
        }
        if (isError)
        {
            HasStderr = true;
        }
        else
        {
            HasStdout = true;
        }
        var parts = (_partial + text.Replace("\r\n", "\n", StringComparison.Ordinal)).Split('\n');
        for (var i = 0; i < parts.Length - 1; i++)
        {
            _lines.Add(ExpandTabs(parts[i]));
        }
        _partial = parts[^1];
    }

    /// <summary>Tabs as a terminal shows them, to the next multiple of 8 columns (clverify indents
    /// its progress lines with a tab), rather than as a control character.</summary>
    internal static string ExpandTabs(string line)
    {
        if (!line.Contains('\t', StringComparison.Ordinal))
        {
            return line;
        }
        var sb = new System.Text.StringBuilder(line.Length + 16);
        foreach (var c in line)
        {
            if (c == '\t')
            {
                sb.Append(' ', 8 - (sb.Length % 8));
            }
            else
            {
                sb.Append(c);
            }
        }
        return sb.ToString();
    }

    private readonly List<NodeResult> _arrived = [];

    /// <summary>One node finished while the command still runs on others: its output (as
    /// "node: line" when several nodes run) and its line in the node grid, at once.</summary>
    public void NodeFinished(NodeResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        // A command in several phases (C-SPOC) reports a node once per phase: its latest result counts.
        var known = _arrived.FindIndex(r => r.Node == result.Node);
        if (known >= 0)
        {
            _arrived[known] = result;
        }
        else
        {
            _arrived.Add(result);
        }
        Nodes = [.. _arrived];
        var prefix = TargetNodes is { Count: > 1 };
        Append(prefix ? Prefixed(result.Node, result.Stdout) : result.Stdout);
        Append(prefix ? Prefixed(result.Node, result.Stderr) : result.Stderr, isError: true);
    }

    private static string Prefixed(string node, string text) =>
        text.Length == 0 ? "" : string.Concat(text.Split('\n').SkipLast(text.EndsWith('\n') ? 1 : 0).Select(line => $"{node}: {line}\n"));

    /// <summary>The command ended: its state, and per-node results for a fan-out command.</summary>
    public void Complete(CommandResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (_arrived.Count > 0 || _asked)
        {
            // What streamed in was each node's output as it came; the result is the command's own
            // account (node order, and C-SPOC's messages about nodes and the whole run): show that.
            // So too after questions: the command's output holds them with their answers.
            _lines.Clear();
            _partial = "";
            HasStdout = HasStderr = false;
        }
        (_answer, Question) = (null, null);
        Append(result.Stdout);
        Append(result.Stderr, isError: true);
        Nodes = result.Nodes;
        State = result.ExitCode == 0 ? CommandState.Ok : CommandState.Failed;
    }

    /// <summary>Ends the screen with a message of its own (not run under -x, refused, cancelled).</summary>
    public void Complete(CommandState state, string message, bool isError)
    {
        if (Question is not null)
        {
            // Stopped while it asked: the question is withdrawn, the message starts its own line.
            (_answer, Question) = (null, null);
            Append("\n");
        }
        Append(message.EndsWith('\n') ? message : message + "\n", isError);
        State = state;
    }

    private Action<bool>? _answer;
    private bool _asked;

    /// <summary>The question the command waits on (shown as the last line of output), or null.</summary>
    public string? Question { get; private set; }

    /// <summary>The command asks a yes/no question, as SMIT shows one in the output: it waits until
    /// y or n is typed here (<paramref name="answer"/> is then called once, with true for y).</summary>
    public void Ask(string question, Action<bool> answer)
    {
        ArgumentNullException.ThrowIfNull(question);
        Question = question;
        _answer = answer ?? throw new ArgumentNullException(nameof(answer));
        _asked = true;
        _follow = true;
        Append((_partial.Length > 0 ? "\n" : "") + question + " ");
    }

    /// <summary>Answers the pending question (echoed after it, as typed); false when none is pending.</summary>
    public bool Answer(bool yes)
    {
        if (_answer is not { } answer)
        {
            return false;
        }
        (_answer, Question) = (null, null);
        Append(yes ? "y\n" : "n\n");
        answer(yes);
        return true;
    }

    private string LineAt(int i) => i < _lines.Count ? _lines[i] : ExpandTabs(_partial);

    public override void Paint(ScreenBuffer buffer)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        Frame.Title(buffer, Title);
        buffer.Write(2, 0, "Command: " + State switch { CommandState.Running => "running", CommandState.Ok => "OK", _ => "failed" });
        buffer.Write(2, 23, "stdout: " + (HasStdout ? "yes" : "no"));
        buffer.Write(2, 45, "stderr: " + (HasStderr ? "yes" : "no"));
        buffer.Write(4, 0, "Before command completion, additional instructions may appear below.");
        var legendTop = Frame.Legend(buffer, Kind);
        var row = TopRow;
        if (Nodes.Count > 0)
        {
            row = PaintNodes(buffer, row) + 1;
        }
        var count = LineCount;
        if (count == 0)
        {
            return;
        }
        var capacity = Math.Max(1, legendTop - 3 - row);
        var maxTop = Math.Max(0, count - capacity);
        _top = _follow && State == CommandState.Running ? maxTop : Math.Clamp(_top, 0, maxTop);
        buffer.Write(row, 0, Frame.Above(_top));
        var shown = Math.Min(capacity, count - _top);
        for (var i = 0; i < shown; i++)
        {
            buffer.Write(row + 1 + i, 0, Frame.Clip(LineAt(_top + i), buffer.Width));
        }
        buffer.Write(row + 1 + shown, 0, Frame.Below(count - _top - shown));
    }

    /// <summary>The node grid: a summary line, then one cell per node, four to a row. Returns the next free row.</summary>
    private int PaintNodes(ScreenBuffer buffer, int row)
    {
        int Count(NodeOutcome o) => Nodes.Count(n => n.Outcome == o);
        buffer.Write(row++, 0, $"Nodes: {Nodes.Count}   ok: {Count(NodeOutcome.Ok)}   failed: {Count(NodeOutcome.Failed)}" +
            $"   timed out: {Count(NodeOutcome.TimedOut)}   unreachable: {Count(NodeOutcome.Unreachable)}" +
            (Count(NodeOutcome.Cancelled) > 0 ? $"   cancelled: {Count(NodeOutcome.Cancelled)}" : ""));
        var slot = buffer.Width / 4;
        for (var i = 0; i < Nodes.Count; i++)
        {
            var n = Nodes[i];
            var outcome = n.Outcome switch
            {
                NodeOutcome.Ok => "ok",
                NodeOutcome.Failed => $"failed rc={n.ExitCode}",
                NodeOutcome.TimedOut => "timed out",
                NodeOutcome.Unreachable => "unreachable",
                _ => "cancelled",
            };
            buffer.Write(row + i / 4, (i % 4) * slot, Frame.Clip($"{n.Node}: {outcome}", slot - 1));
        }
        return row + (Nodes.Count + 3) / 4;
    }

    public override bool Handle(KeyPress key, UiAction? action, IScreenHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        if (Question is not null && key.Name == KeyName.Char && key.Char is 'y' or 'Y' or 'n' or 'N')
        {
            return Answer(key.Char is 'y' or 'Y');
        }
        if (action == UiAction.Command)
        {
            host.Push(MessagePopup.CommandString(CommandLine));
            return true;
        }
        var page = 10;
        switch (key.Name)
        {
            case KeyName.Up: Scroll(-1); return true;
            case KeyName.Down: Scroll(1); return true;
            case KeyName.PageUp: Scroll(-page); return true;
            case KeyName.PageDown: Scroll(page); return true;
            case KeyName.Home: _follow = false; _top = 0; return true;
            case KeyName.End: _follow = true; _top = int.MaxValue; return true;
            default: return false;
        }
    }

    /// <summary>The first line shown (after the last paint).</summary>
    public int TopLine => _top;

    private void Scroll(int delta)
    {
        _follow = false;
        _top = Math.Max(0, (int)Math.Min(int.MaxValue, (long)_top + delta));
    }

    public override bool Find(string text)
    {
        var count = LineCount;
        for (var step = 1; step <= count; step++)
        {
            var i = (_top + step) % count;
            if (LineAt(i).Contains(text, StringComparison.OrdinalIgnoreCase))
            {
                _follow = false;
                _top = i;
                return true;
            }
        }
        return false;
    }
}

using ClAdmin.Contracts;
using ClAdmin.Menus;
using ClAdmin.Menus.Model;
using ClAdmin.Tui.Logging;
using ClAdmin.Tui.Screens;

namespace ClAdmin.Tui.Session;

/// <summary>
/// Everything the screens run through the <see cref="IDispatcher"/>: a dialog's command on
/// COMMAND STATUS (with the live node grid, Ctrl-C and F5's re-run on the nodes that failed) and
/// the screens' own commands (lists, discovery, classify). The dispatcher runs off the loop and
/// the results are posted back to it.
/// </summary>
internal sealed class CommandRunner(IDispatcher dispatcher, ISessionLog log, TuiOptions options, EventQueue events, IScreenHost host)
{
    private CancellationTokenSource? _running;

    /// <summary>Ctrl-C: stops the running command.</summary>
    public void Interrupt() => _running?.Cancel();

    /// <summary>F5: the same command again on the nodes that did not end OK.</summary>
    public void Rerun(StatusScreen previous)
    {
        var failed = previous.FailedNodes;
        if (failed.Count > 0)
        {
            Execute(new StatusScreen(previous.CommandLine, previous.StandardInput, failed), null);
        }
    }

    /// <summary>Shows COMMAND STATUS and runs the command (or, under -x, only logs it); a dialog's
    /// values are cleared as SMIT does after a command that succeeded.</summary>
    public void Execute(StatusScreen status, DialogValues? values)
    {
        host.Push(status);
        var secrets = status.StandardInput.Length == 0 ? 0 : status.StandardInput.Count(c => c == '\n');
        log.Command(status.CommandLine, secrets, run: !options.NoExecute);
        if (options.NoExecute)
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
            OnNodeResult = node => events.Post(() => status.NodeFinished(node)),
            // Questions (clverify's Interactively) appear in the output and wait for y or n there.
            Prompt = new StatusPrompt(events, status),
        };
        events.Background(async () =>
        {
            CommandResult? result = null;
            string? failure = null;
            try
            {
                result = await dispatcher.RunAsync(request, cts.Token).ConfigureAwait(false);
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
            events.Post(() => Finish(status, values, cts, result, failure));
        });
    }

    private void Finish(StatusScreen status, DialogValues? values, CancellationTokenSource cts, CommandResult? result, string? failure)
    {
        if (ReferenceEquals(_running, cts))
        {
            _running = null;
        }
        cts.Dispose();
        if (result is not null)
        {
            status.Complete(result);
            log.Output(result.Stdout, result.Stderr, result.ExitCode == 0 ? "OK" : $"failed (exit code {result.ExitCode})");
            if (result.ExitCode == 0)
            {
                values?.ClearAfterSuccess();
            }
        }
        else
        {
            status.Complete(CommandState.Failed, failure!, isError: true);
            log.Output("", failure!, "failed");
        }
    }

    /// <summary>Asks on COMMAND STATUS, as SMIT asks in its output: the question is shown on the loop
    /// and the command waits until y or n is typed there (or it is stopped).</summary>
    private sealed class StatusPrompt(EventQueue events, StatusScreen status) : ICommandPrompt
    {
        public async Task<bool> ConfirmAsync(string question, CancellationToken cancellationToken)
        {
            var answer = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            using var stop = cancellationToken.Register(() => answer.TrySetCanceled(cancellationToken));
            events.Post(() => status.Ask(question, yes => answer.TrySetResult(yes)));
            return await answer.Task.ConfigureAwait(false);
        }
    }

    /// <summary>A live status screen's next run: not logged (it repeats every second); its output
    /// replaces the last.</summary>
    public void Refresh(StatusScreen status)
    {
        status.Refreshing = true;
        events.Background(async () =>
        {
            CommandResult result;
            try
            {
                result = await dispatcher.RunAsync(new CommandRequest(status.CommandLine, status.StandardInput, status.TargetNodes), CancellationToken.None).ConfigureAwait(false)
                    ?? CommandResult.Local(1, "", "cladmin: the dispatcher returned no result.");
            }
#pragma warning disable CA1031 // shown on the screen, which goes on refreshing
            catch (Exception e)
#pragma warning restore CA1031
            {
                result = CommandResult.Local(1, "", "cladmin: the command could not be run: " + e.Message);
            }
            events.Post(() =>
            {
                status.Refreshing = false;
                status.Replace(result);
            });
        });
    }

    /// <summary>Runs a list, discover or classify command; a failure becomes an error pop-up.</summary>
    public void RunScreenCommand(string command, Action<CommandResult> then)
    {
        events.Background(async () =>
        {
            var result = await RunScreenCommandAsync(command).ConfigureAwait(false);
            events.Post(() =>
            {
                log.Intermediate(command, result.ExitCode);
                if (result.ExitCode != 0)
                {
                    var why = (result.Stderr.Length > 0 ? result.Stderr : result.Stdout).TrimEnd();
                    host.ShowMessage("ERROR MESSAGE", $"The command for this list or screen failed:\n{command}\n\n{why}");
                    return;
                }
                then(result);
            });
        });
    }

    /// <summary>Opening a dialog: its discovery (<see cref="DialogDiscovery"/>, the walk's own code
    /// path) off the loop, then <paramref name="then"/> with the names over <paramref name="nameValues"/>;
    /// a failure becomes an error pop-up.</summary>
    public void Discover(Dialog dialog, IReadOnlyDictionary<string, string> nameValues, Action<IReadOnlyDictionary<string, string>> then)
    {
        events.Background(async () =>
        {
            var ran = new List<(string Command, int ExitCode)>();
            async Task<ScreenCommandResult> Run(string command, CancellationToken cancellationToken)
            {
                var result = await RunScreenCommandAsync(command).ConfigureAwait(false);
                ran.Add((command, result.ExitCode));
                return new ScreenCommandResult(result.ExitCode, result.Stdout, result.Stderr);
            }
            var outcome = await DialogDiscovery.RunAsync(dialog, nameValues, Run, CancellationToken.None).ConfigureAwait(false);
            events.Post(() =>
            {
                foreach (var (command, exitCode) in ran)
                {
                    log.Intermediate(command, exitCode);
                }
                if (outcome.Failure is { } failure)
                {
                    host.ShowMessage("ERROR MESSAGE", failure.Unreadable
                        ? $"The discovery command of \"{dialog.Title}\" gave output that cannot be read:\n{failure.Command}\n{failure.Why}"
                        : $"The command for this list or screen failed:\n{failure.Command}\n\n{failure.Why}");
                    return;
                }
                then(outcome.Values);
            });
        });
    }

    private async Task<CommandResult> RunScreenCommandAsync(string command)
    {
        try
        {
            return await dispatcher.RunAsync(new CommandRequest(command), CancellationToken.None).ConfigureAwait(false)
                ?? CommandResult.Local(1, "", "cladmin: the dispatcher returned no result.");
        }
#pragma warning disable CA1031 // reported to the user as an error pop-up
        catch (Exception e)
#pragma warning restore CA1031
        {
            return CommandResult.Local(1, "", e.Message);
        }
    }
}

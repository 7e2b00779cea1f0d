using System.Diagnostics;
using ClAdmin.Tui.Input;
using ClAdmin.Tui.Session;
using Terminal.Gui.App;
using Terminal.Gui.Input;

namespace ClAdmin.Tui.Terminal;

/// <summary>
/// The real terminal around a <see cref="TuiSession"/>, through Terminal.Gui: its application
/// object, driver (raw mode, the alternate screen, keys, mouse, resize) and run loop, with one
/// <see cref="SmitView"/> that draws the SMIT screens. Work other threads post to the session
/// (dispatcher results) is run on Terminal.Gui's loop. F9 leaves Terminal.Gui for $SHELL and
/// starts it again when the shell exits.
/// </summary>
public static class TuiRunner
{
    /// <summary>Runs the session until F10 or F3 on the first screen; returns the exit code.</summary>
    public static int Run(TuiSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var exitAfterFirstFrame = Environment.GetEnvironmentVariable("CLADMIN_EXIT_AFTER_FIRST_FRAME") == "1";
        TerminalGuiConfiguration.EnsureApplied();
        while (true)
        {
            var shell = false;
            using var wake = new ManualResetEventSlim();
            var created = Application.Create();
            var woken = WakingInput.Use(created, wake.Set);
            using (var app = created.Init())
            {
                TerminalColours.Apply(app);
                MapLinuxConsoleKeys(app);
                using var view = new SmitView(session);
                session.ShellHandler = () =>
                {
                    shell = true;
                    app.RequestStop();
                };
                // The benchmark's first frame: stop once the first iteration has drawn it (a RequestStop
                // from the first LayoutAndDrawComplete comes before the loop runs and is lost).
                app.StopAfterFirstIteration = exitAfterFirstFrame;
                using var stop = new CancellationTokenSource();
                Application.MaximumIterationsPerSecond = woken ? BusyIterationsPerSecond : Application.DefaultMaximumIterationsPerSecond;
                app.Iteration += (_, _) => BeforeIteration(app, view, woken ? wake : null);
                var pump = Pump(session, app, view, stop.Token, wake);
                // A live status screen (the Cluster Simulation menu's) runs its command again every second.
                app.AddTimeout(TimeSpan.FromSeconds(1), () =>
                {
                    view.Tick();
                    return true;
                });
                app.Run(view);
                stop.Cancel();
                pump.Wait(TimeSpan.FromSeconds(1));
            }
            session.ShellHandler = null;
            if (!shell || session.Exited || exitAfterFirstFrame)
            {
                return 0;
            }
            RunShell();
            session.FullRedrawRequested = false;
        }
    }

    /// <summary>
    /// Before each iteration of Terminal.Gui's loop. Woken (<paramref name="wake"/>), the loop runs
    /// when there is work, not 25 times a second: it waits until the input
    /// (<see cref="WakingInput"/>) or the pump wakes it, or for at most the period of Terminal.Gui's
    /// default rate (its timers, a held Esc and the terminal's size are looked at then, as before);
    /// it does not wait when the screen needs drawing (the first frame, a timer's change). Between
    /// two iterations that follow each other Terminal.Gui sleeps what is left of
    /// 1/<see cref="BusyIterationsPerSecond"/> s, so a flood of output is drawn at most that often.
    /// Terminal.Gui 2.5.0 never clears its driver's "cursor needs update" once set, and so wrote the
    /// cursor's visibility (<c>ESC [ ? 25 h</c>) at every iteration, 25 times a second on an idle
    /// screen: it is cleared here, and set again by whatever moves the cursor in the iteration.
    /// </summary>
    private static void BeforeIteration(IApplication app, SmitView view, ManualResetEventSlim? wake)
    {
        if (wake is not null)
        {
            if (!view.NeedsDraw && !view.NeedsLayout)
            {
                wake.Wait(TimeSpan.FromSeconds(1.0 / Application.DefaultMaximumIterationsPerSecond));
            }
            wake.Reset(); // before the iteration takes the input queued so far
        }
        app.Driver?.SetCursorNeedsUpdate(false);
    }

    /// <summary>Terminal.Gui's loop rate when it is woken for work (its own default is 25).</summary>
    private const ushort BusyIterationsPerSecond = 200;

    /// <summary>Hands what other threads post to the session to Terminal.Gui's loop, one batch at a time.</summary>
    private static Task Pump(TuiSession session, IApplication app, SmitView view, CancellationToken stop, ManualResetEventSlim wake) => Task.Run(async () =>
    {
        try
        {
            while (await session.WaitAsync(stop).ConfigureAwait(false))
            {
                var ran = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                app.Invoke(() =>
                {
                    view.Pump();
                    ran.TrySetResult();
                });
                wake.Set(); // the loop runs what was invoked at its next iteration
                await ran.Task.WaitAsync(stop).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // the loop ended
        }
    });

    /// <summary>
    /// The Linux console's F1-F5 (<see cref="TerminalKeys.LinuxConsoleFunctionKeys"/>): the ANSI
    /// parser is told to expect ESC [ [ A .. E, as it expects a terminal's replies, for as long as
    /// it runs; each then goes on as the function key, as if the parser had read it itself.
    /// </summary>
    private static void MapLinuxConsoleKeys(IApplication app)
    {
        if (app.Driver?.GetInputProcessor() is not { } input)
        {
            return;
        }
        var parser = input.GetParser();
        foreach (var (final, key) in TerminalKeys.LinuxConsoleFunctionKeys)
        {
            parser.ExpectResponse(final.ToString(), "[", _ => input.RaiseKeyDownEvent(new Key(key)), abandoned: null, persistent: true);
        }
    }

    private static void RunShell()
    {
        if (string.Equals(Environment.GetEnvironmentVariable("CLADMIN_SHELL"), "n", StringComparison.Ordinal))
        {
            return; // as SMIT_SHELL=n disables F9
        }
        var shell = Environment.GetEnvironmentVariable("SHELL");
        try
        {
            using var process = Process.Start(new ProcessStartInfo(string.IsNullOrEmpty(shell) ? "/bin/sh" : shell) { UseShellExecute = false });
            process?.WaitForExit();
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // no shell to start: return to the screens
        }
    }
}

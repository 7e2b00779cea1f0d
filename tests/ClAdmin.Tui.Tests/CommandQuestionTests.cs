using ClAdmin.Contracts;
using ClAdmin.Menus;
using ClAdmin.Shell;
using ClAdmin.Testing;
using ClAdmin.Tui.Input;
using ClAdmin.Tui.Screens;
using ClAdmin.Tui.Session;
using NSubstitute;

using static ClAdmin.Testing.SessionKeys;

namespace ClAdmin.Tui.Tests;

/// <summary>
/// A running command's yes/no question (clverify's "Interactively"), as SMIT asks it: in the
/// COMMAND STATUS output, answered with y or n there, the answer echoed after the question. The
/// dispatcher is faked at its seam and asks through the request's prompt.
/// </summary>
public sealed class CommandQuestionTests
{
    private const string Question = "Would you like to import shared volume group: appvg onto node: node2? (y/n)";

    private static readonly Lazy<MenuTree> Tree = new(() =>
        MenuLoader.Load(MenuFixtures.Shipped(), name => CommandCatalog.Default.Find(name) is not null).Tree!);

    private readonly IDispatcher _dispatcher = Substitute.For<IDispatcher>();

    public CommandQuestionTests() =>
        _dispatcher.RunAsync(Arg.Any<CommandRequest>(), Arg.Any<CancellationToken>()).Returns(async call =>
        {
            var request = call.Arg<CommandRequest>();
            var yes = await request.Prompt!.ConfirmAsync(Question, call.Arg<CancellationToken>());
            return CommandResult.Local(yes ? 0 : 1, $"{Question} {(yes ? "y" : "n")}\n{(yes ? "Imported." : "Not imported.")}\n");
        });

    /// <summary>Presses Enter on the dialog and runs the loop until COMMAND STATUS asks.</summary>
    private static async Task<StatusScreen> EnterUntilAsked(TuiSession session)
    {
        session.Key(KeyPress.Of(KeyName.Enter));
        while (session.Top is not StatusScreen { Question: not null })
        {
            await session.WaitAsync(CancellationToken.None);
            session.RunQueued();
        }
        return (StatusScreen)session.Top;
    }

    [Theory]
    [InlineData('y', "Command: OK", "Imported.")]
    [InlineData('n', "Command: failed", "Not imported.")]
    public async Task The_question_shows_in_command_status_and_the_typed_answer_goes_back_to_the_command(char key, string state, string output)
    {
        var session = new TuiSession(Tree.Value, _dispatcher);
        Assert.True(session.Start("cl_mkuser", out var error), error);
        await Keys(session, KeyName.Down, "jdoe");

        var status = await EnterUntilAsked(session);
        var asking = Screen(session);
        Assert.Contains("Command: running", asking);
        Assert.Contains(Question[..60], asking);
        Assert.Contains("type y for yes or n for no", status.HelpText);
        // Other keys do not answer: the question stays until y or n.
        session.Key(KeyPress.Text('x'));
        Assert.NotNull(status.Question);

        await Keys(session, key.ToString());
        Assert.Null(status.Question);
        var done = Screen(session);
        Assert.Contains(state, done);
        Assert.Contains(output, done);
        Assert.Equal(1, done.Split('\n').Count(l => l.Contains(Question[..40], StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Ctrl_c_while_asking_stops_the_command()
    {
        var session = new TuiSession(Tree.Value, _dispatcher);
        Assert.True(session.Start("cl_mkuser", out var error), error);
        await Keys(session, KeyName.Down, "jdoe");
        await EnterUntilAsked(session);
        await Keys(session, KeyName.Interrupt);
        Assert.Contains("The command was cancelled (Ctrl-C).", Screen(session));
    }
}

/// <summary>The same question in linear mode: asked on its own line until y or n is answered.</summary>
public sealed class LinearQuestionTests
{
    private const string Question = "Would you like to turn off auto-varyon of shared volume group: datavg on node: node1? (y/n)";

    private static readonly Lazy<MenuTree> Tree = new(() =>
        MenuLoader.Load(MenuFixtures.Shipped(), name => CommandCatalog.Default.Find(name) is not null).Tree!);

    [Theory]
    [InlineData("y", true)]
    [InlineData("n", false)]
    public async Task Linear_mode_asks_the_question_on_its_line_and_passes_the_answer(string answer, bool expected)
    {
        var dispatcher = Substitute.For<IDispatcher>();
        bool? got = null;
        dispatcher.RunAsync(Arg.Any<CommandRequest>(), Arg.Any<CancellationToken>()).Returns(async call =>
        {
            var request = call.Arg<CommandRequest>();
            if (request.CommandLine == "clautover -c")
            {
                return CommandResult.Local(0, "#ENABLED:NODE:HOUR\nEnabled:Default:00\n");
            }
            got = await request.Prompt!.ConfirmAsync(Question, CancellationToken.None);
            return CommandResult.Local(0, "");
        });
        var output = new StringWriter();
        // Enter keeps each of the dialog's three fields; "maybe" is not an answer, then the answer.
        var session = new Linear.LinearSession(Tree.Value, dispatcher, new StringReader($"\n\n\nmaybe\n{answer}\n"), output);

        Assert.Equal(0, await session.RunAsync("clautover.dialog", CancellationToken.None));
        Assert.Equal(expected, got);
        Assert.Contains($"{Question} Answer y or n.\n{Question} ", output.ToString(), StringComparison.Ordinal);
    }
}

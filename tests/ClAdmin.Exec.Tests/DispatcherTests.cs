using ClAdmin.Contracts;
using ClAdmin.Exec.Dispatch;
using ClAdmin.Exec.FanOut;
using ClAdmin.Exec.Nodes;
using ClAdmin.Exec.Processes;
using ClAdmin.Exec.Transport;

namespace ClAdmin.Exec.Tests;

public sealed class DispatcherTests
{
    private sealed class Recording(params string[] names) : ICommandHandler
    {
        public IReadOnlyCollection<string> Names => names;
        public List<CommandInvocation> Calls { get; } = [];
        public Task<CommandResult> RunAsync(CommandInvocation invocation, CancellationToken cancellationToken)
        {
            Calls.Add(invocation);
            return Task.FromResult(CommandResult.Local(0, "handled\n"));
        }
    }

    private sealed class Rgs : IResourceGroupResolver
    {
        public IReadOnlyList<string>? NodesOf(string resourceGroup) => resourceGroup == "rg1" ? ["nodeA", "nodeB"] : null;
    }

    private static Dispatcher Make(IProcessRunner runner, params ICommandHandler[] handlers) =>
        new(handlers, new FanOutEngine(new LocalTransport(runner, "here")), new DispatcherOptions { LocalNode = "here", ResourceGroups = new Rgs() });

    [Fact]
    public async Task A_registered_command_goes_to_its_handler_with_cspoc_parsed()
    {
        var handler = new Recording("cl_mkuser");
        var runner = new ScriptedProcessRunner();
        var result = await Make(runner, handler).RunAsync(new CommandRequest("/usr/es/sbin/cluster/cspoc/cl_mkuser -cspoc \"-f -g rg1\" id='300' jdoe", "pw"), default);
        Assert.Equal("handled\n", result.Stdout);
        var call = Assert.Single(handler.Calls);
        Assert.Equal("cl_mkuser", call.Name);
        Assert.Equal(["id=300", "jdoe"], call.Arguments);
        Assert.Equal("pw", call.StandardInput);
        Assert.Equal(new[] { "nodeA", "nodeB" }, call.Cspoc!.Nodes);
        Assert.True(call.Cspoc.Force);
        Assert.Empty(runner.Calls);
    }

    [Theory]
    [InlineData("cl_mkuser -cspoc \"-g nope\" jdoe", "resource group nope does not exist")]
    [InlineData("cl_mkuser -cspoc \"-g rg1 -n a\" jdoe", "-g and -n cannot be used together")]
    [InlineData("cl_mkuser -cspoc \"-q\" jdoe", "unknown option '-q'")]
    [InlineData("cl_mkuser -cspoc", "-cspoc needs a value")]
    [InlineData("echo a; rm -rf /", "the shell operator ';'")]
    [InlineData("echo 'unterminated", "cannot read the command line")]
    public async Task Bad_lines_are_usage_errors_that_say_why(string line, string message)
    {
        var result = await Make(new ScriptedProcessRunner(), new Recording("cl_mkuser")).RunAsync(new CommandRequest(line), default);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Cspoc_n_takes_node_sets()
    {
        Assert.Equal(["n1", "n2", "n3"], CspocOptions.Parse("-n n[1-2],n3", null).Nodes);
        Assert.Throws<FormatException>(() => CspocOptions.Parse("-g rg1", null));
    }

    [Fact]
    public async Task An_unknown_command_runs_as_is_on_the_local_node_with_quoted_values_kept_whole()
    {
        var runner = new ScriptedProcessRunner().Expect("printf", ["%s", "a; b $(c)"], new ProcessOutput(0, "a; b $(c)", ""));
        var result = await Make(runner).RunAsync(new CommandRequest("printf %s 'a; b $(c)'"), default);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("a; b $(c)", result.Stdout);
        Assert.Equal("here", Assert.Single(result.Nodes).Node);
        runner.CheckForMissingCalls();
    }

    [Fact]
    public async Task Leading_assignments_become_env_and_stdin_reaches_the_command()
    {
        var runner = new ScriptedProcessRunner().Expect("env", ["_SPOC_FORCE=Y", "/usr/es/sbin/cluster/sbin/cl_rc.cluster", "-N"], (s, _) =>
            Task.FromResult(new ProcessOutput(s.StandardInput == "secret" ? 0 : 9, "", "")));
        var result = await Make(runner).RunAsync(new CommandRequest("_SPOC_FORCE=Y /usr/es/sbin/cluster/sbin/cl_rc.cluster -N", "secret"), default);
        Assert.Equal(0, result.ExitCode);
        runner.CheckForMissingCalls();
    }

    [Fact]
    public async Task Several_nodes_give_cspoc_prefixed_output_and_exit_1_when_one_is_unreachable()
    {
        var runner = new ScriptedProcessRunner().Expect("hostname", [], new ProcessOutput(0, "here\n", ""));
        var result = await Make(runner).RunAsync(new CommandRequest("hostname", Nodes: ["here", "elsewhere"]), default);
        Assert.Equal(1, result.ExitCode);
        Assert.Equal("here: here\n", result.Stdout);
        Assert.StartsWith("elsewhere: unreachable", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(NodeOutcome.Unreachable, result.Nodes.Single(n => n.Node == "elsewhere").Outcome);
    }

    [Fact]
    public void Handlers_must_name_catalog_commands_once()
    {
        var runner = new ScriptedProcessRunner();
        Assert.Throws<ArgumentException>(() => Make(runner, new Recording("not_a_command")));
        Assert.Throws<ArgumentException>(() => Make(runner, new Recording("clmgr"), new Recording("clmgr")));
    }
}

namespace ClAdmin.Exec.Ssh;

/// <summary>How to reach one node over SSH, from the cluster repository's communication path.</summary>
public sealed record SshEndpoint(string Host, int? Port = null, string? User = null, string? IdentityFile = null);

/// <summary>
/// Maps node names to SSH endpoints (the store implements it from the repository). A node it
/// does not know (null) is handed to ssh as written, so hosts from an ssh config work ad hoc.
/// </summary>
public interface INodeAddressResolver
{
    SshEndpoint? Resolve(string node);
}

/// <summary>Settings of the SSH transport.</summary>
public sealed record SshOptions
{
    /// <summary>The OpenSSH client.</summary>
    public string SshPath { get; init; } = "ssh";

    /// <summary>An ssh config file passed as -F (default: the user's ~/.ssh/config).</summary>
    public string? ConfigFile { get; init; }

    /// <summary>ssh's ConnectTimeout, and the basis of how long a new session may take to answer.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Keep one session per node open between commands; false gives every command a
    /// connection of its own (<see cref="SshOneShot"/>).</summary>
    public bool Persistent { get; init; } = true;

    /// <summary>A persistent session unused this long is closed.</summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>After a stop request (timeout, Ctrl-C), how long the remote shell has to report
    /// that the command ended before the session is cut.</summary>
    public TimeSpan StopGrace { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The shell started on the node to carry the commands.</summary>
    public string RemoteShell { get; init; } = "/bin/sh";

    public INodeAddressResolver? Addresses { get; init; }
}

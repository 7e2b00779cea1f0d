using ClAdmin.Exec.Ssh;
using ClAdmin.Store;

namespace ClAdmin.Tests;

public sealed class StoreNodesTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("cladmin-nodes-");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _dir.Delete(recursive: true);
    }

    [Theory]
    [InlineData("node1", "node1", null, null)]
    [InlineData("192.0.2.11", "192.0.2.11", null, null)]
    [InlineData("admin@node1", "node1", null, "admin")]
    [InlineData("node1:2222", "node1", 2222, null)]
    [InlineData("root@127.0.0.5:2201", "127.0.0.5", 2201, "root")]
    [InlineData("fe80::1", "fe80::1", null, null)]
    public void Communication_paths_read_as_user_host_and_port(string path, string host, int? port, string? user) =>
        Assert.Equal(new SshEndpoint(host, port, user), StoreNodes.ParseEndpoint(path));

    [Fact]
    public void Nodes_groups_and_addresses_come_from_the_default_configuration()
    {
        var db = Path.Combine(_dir.FullName, "c.db");
        var stanzas = "\nHACMPnode:\n\tname = \"n1\"\n\tobject = \"COMMUNICATION_PATH\"\n\tvalue = \"ops@10.0.0.1:2201\"\n\tnode_id = 1\n\tnode_handle = 1\n\tversion = 10\n" +
                      "\nHACMPnode:\n\tname = \"n2\"\n\tobject = \"COMMUNICATION_PATH\"\n\tvalue = \"n2\"\n\tnode_id = 2\n\tnode_handle = 2\n\tversion = 10\n";
        using (var repo = ObjectRepository.Open(db))
        {
            repo.ReplaceObjects(ConfigDirectory.Default, ClAdmin.Cluster.Odm.OdmStanza.Parse(stanzas).Objects);
        }
        var nodes = new StoreNodes(() => ObjectRepository.Open(db));
        Assert.Equal(["n1", "n2"], nodes.All());
        Assert.Equal(["n1", "n2"], nodes.Resolve("all"));
        Assert.Equal(new SshEndpoint("10.0.0.1", 2201, "ops"), ((INodeAddressResolver)nodes).Resolve("n1"));
        Assert.Null(((INodeAddressResolver)nodes).Resolve("web1"));
        Assert.Null(nodes.NodesOf("rg9"));
    }
}

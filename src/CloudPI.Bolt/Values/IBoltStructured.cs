using CloudPI.Bolt.PackStream;

namespace CloudPI.Bolt.Values;

/// <summary>A Bolt value that travels as a PackStream structure.</summary>
public interface IBoltStructured
{
    PackStreamStructure ToStructure(BoltDialect dialect);
}

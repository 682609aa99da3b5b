package in.workbench.app;

import static org.junit.jupiter.api.Assertions.assertSame;

import in.workbench.analytics.address.AddressParser;
import in.workbench.analytics.geo.PostalDirectory;
import java.util.Collections;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class SharedAddressParserTest {

    @Test
    void everyScreenAndImportAskingGetsOneParserOnTheProcesssOneDirectory() throws Exception {
        SharedAddressParser shared = new SharedAddressParser();
        ExecutorService workers = Executors.newFixedThreadPool(4);
        try {
            var asked = workers.invokeAll(Collections.nCopies(8, (Callable<AddressParser>) shared::get));
            AddressParser first = asked.get(0).get();
            for (Future<AddressParser> f : asked) {
                assertSame(first, f.get(), "one parser, however many workers ask at once");
            }
            assertSame(first, shared.get());
            assertSame(PostalDirectory.load(), first.directory(), "built on the directory the rest of the process uses");
            assertSame(first.directory(), new SharedAddressParser().get().directory(),
                    "a second parser (the command line's hooks) still shares the directory");
        } finally {
            workers.shutdownNow();
        }
    }
}

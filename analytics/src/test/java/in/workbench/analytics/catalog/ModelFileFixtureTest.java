package in.workbench.analytics.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import in.workbench.analytics.workspace.Workspace;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model file saved by this version (format 1, committed under src/test/resources/model-files)
 * keeps loading in later versions and choosing exactly what it chose when it was saved.
 */
class ModelFileFixtureTest {

    @Test
    void aCategoryModelSavedInFormatOneLoadsAndChoosesWhatItChoseWhenSaved(@TempDir Path dir) throws Exception {
        try (Workspace ws = Workspace.open(dir.resolve("ws")); InputStream in = getClass().getResourceAsStream("/model-files/category.model")) {
            Files.copy(in, ws.modelsDir().resolve("category.model"));
            CategoryModel model = CatalogModels.loadCategory(ws).model();
            List<String> lines;
            try (InputStream e = getClass().getResourceAsStream("/model-files/category.expected.tsv")) {
                lines = new String(e.readAllBytes(), StandardCharsets.UTF_8).lines().skip(1).toList();
            }
            List<String> titles = new ArrayList<>();
            for (String line : lines) {
                titles.add(line.split("\t", -1)[0]);
            }
            List<CategoryModel.Choice> choices = model.choose(titles);
            for (int i = 0; i < lines.size(); i++) {
                String[] f = lines.get(i).split("\t", -1);
                assertEquals(f[1], choices.get(i).label(), f[0]);
                assertEquals(Double.parseDouble(f[2]), choices.get(i).confidence(), 1e-12, f[0]);
            }
        }
    }
}

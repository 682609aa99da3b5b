package in.workbench.analytics.workspace;

import com.google.protobuf.InvalidProtocolBufferException;
import java.util.Base64;
import java.util.Set;
import org.tribuo.Model;
import org.tribuo.Output;
import org.tribuo.impl.ModelDataCarrier;
import org.tribuo.protos.core.ModelDataProto;
import org.tribuo.protos.core.ModelProto;
import org.tribuo.protos.core.SequenceModelProto;
import org.tribuo.sequence.SequenceModel;

/**
 * Tribuo models inside a workbench model file: Tribuo 4.3's protobuf form, base64-encoded. Before a
 * model is rebuilt, the class its protobuf names is checked against the short list of model types
 * the workbench trains; anything else is refused unread. The check matters because some Tribuo types
 * carry Java-serialised parts inside their protobuf (LibLinear's 4.3.2 loader is a published
 * code-execution hole), and protobuf rebuilding calls the named class.
 *
 * <p>Stateless; thread-safe.
 */
public final class TribuoModelFormat {

    /** The Tribuo model types the workbench trains and loads (classification models). */
    public static final Set<String> MODELS = Set.of(
            "org.tribuo.classification.sgd.linear.LinearSGDModel",
            "org.tribuo.common.xgboost.XGBoostModel");
    /** The Tribuo sequence model types the workbench trains and loads. */
    public static final Set<String> SEQUENCE_MODELS = Set.of("org.tribuo.classification.sgd.crf.CRFModel");
    /** The feature and output domains a model's own data may name (the project's own Tribuo models). */
    static final Set<String> DOMAINS = Set.of("org.tribuo.ImmutableFeatureMap", "org.tribuo.classification.ImmutableLabelInfo");

    private TribuoModelFormat() {
    }

    /** A Tribuo model as base64 of its {@code ModelProto}. */
    public static String write(Model<?> model) {
        return Base64.getEncoder().encodeToString(model.serialize().toByteArray());
    }

    /** A Tribuo sequence model as base64 of its {@code SequenceModelProto}. */
    public static String write(SequenceModel<?> model) {
        return Base64.getEncoder().encodeToString(model.serialize().toByteArray());
    }

    /**
     * The model written by {@link #write(Model)}, of output type {@code output}.
     *
     * @throws ModelFile.Refused when the protobuf names a model type not in {@link #MODELS}, or another output type
     */
    public static <T extends Output<T>> Model<T> read(String base64, Class<T> output) {
        ModelProto proto = parse(base64, ModelProto::parseFrom);
        allowed(proto.getClassName(), MODELS);
        return cast(Model.deserialize(proto), output);
    }

    /**
     * The sequence model written by {@link #write(SequenceModel)}, of the expected class.
     *
     * @throws ModelFile.Refused when the protobuf names a model type not in {@link #SEQUENCE_MODELS}, or another class
     */
    public static <M extends SequenceModel<?>> M readSequence(String base64, Class<M> type) {
        SequenceModelProto proto = parse(base64, SequenceModelProto::parseFrom);
        allowed(proto.getClassName(), SEQUENCE_MODELS);
        SequenceModel<?> m = SequenceModel.deserialize(proto);
        if (!type.isInstance(m)) {
            throw new ModelFile.Refused("it holds a " + m.getClass().getName() + " where a " + type.getName() + " belongs");
        }
        return type.cast(m);
    }

    /** The name, provenance and domains of one of the project's own Tribuo models, as base64 of a {@code ModelDataProto}. */
    public static String writeData(ModelDataCarrier<?> data) {
        return Base64.getEncoder().encodeToString(data.serialize().toByteArray());
    }

    /**
     * The model data written by {@link #writeData}; its domains must be a plain feature map and label domain.
     *
     * @throws ModelFile.Refused for any other domain type
     */
    public static ModelDataCarrier<?> readData(String base64) {
        ModelDataProto proto = parse(base64, ModelDataProto::parseFrom);
        allowed(proto.getFeatureDomain().getClassName(), DOMAINS);
        allowed(proto.getOutputDomain().getClassName(), DOMAINS);
        return ModelDataCarrier.deserialize(proto);
    }

    /** Protobuf's parser of one message type. */
    private interface Parser<P> {
        P parse(byte[] bytes) throws InvalidProtocolBufferException;
    }

    private static <P> P parse(String base64, Parser<P> parser) {
        if (base64 == null) {
            throw new ModelFile.Refused("a Tribuo model is missing from it");
        }
        try {
            return parser.parse(Base64.getDecoder().decode(base64));
        } catch (IllegalArgumentException | InvalidProtocolBufferException e) {
            throw new ModelFile.Refused("its Tribuo model is damaged", e);
        }
    }

    private static void allowed(String className, Set<String> allowed) {
        if (!allowed.contains(className)) {
            throw new ModelFile.Refused("it holds a Tribuo part of type " + className + ", which the workbench does not load");
        }
    }

    @SuppressWarnings("unchecked")
    private static <T extends Output<T>> Model<T> cast(Model<?> model, Class<T> output) {
        if (!model.validate(output)) {
            throw new ModelFile.Refused("its Tribuo model predicts something other than " + output.getSimpleName());
        }
        return (Model<T>) model;
    }
}

import { BarChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCoreModule from 'echarts-for-react/lib/core';
import type { EChartsOption } from 'echarts';

// the package is CommonJS: its default export arrives wrapped once more under the bundler's interop
const ReactEChartsCore = ((ReactEChartsCoreModule as unknown as { default?: typeof ReactEChartsCoreModule }).default ?? ReactEChartsCoreModule);

echarts.use([BarChart, PieChart, GridComponent, LegendComponent, TitleComponent, TooltipComponent, CanvasRenderer]);

/** ECharts with only the chart types the dashboard draws, rendered to canvas (no inline scripts, CSP-safe). */
export function Chart({ option, height = 260 }: { option: EChartsOption; height?: number }) {
  // no animation: a dashboard is read, and a printed or captured chart must be complete
  return <ReactEChartsCore echarts={echarts} option={{ animation: false, ...option }} style={{ height }} notMerge lazyUpdate />;
}

import { BarChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCoreModule from 'echarts-for-react/lib/core';
import type { EChartsOption } from 'echarts';
import { Empty } from 'antd';

// the package is CommonJS: its default export arrives wrapped once more under the bundler's interop
const ReactEChartsCore = ((ReactEChartsCoreModule as unknown as { default?: typeof ReactEChartsCoreModule }).default ?? ReactEChartsCoreModule);

echarts.use([BarChart, PieChart, GridComponent, LegendComponent, TitleComponent, TooltipComponent, CanvasRenderer]);

/**
 * ECharts with only the chart types the dashboard draws, rendered to canvas (no inline scripts, CSP-safe). `empty`
 * (no data, or every value 0) shows 暂无数据 instead of bare axes.
 */
export function Chart({ option, height = 260, empty = false }: { option: EChartsOption; height?: number; empty?: boolean }) {
  if (empty) return <div style={{ height, display: 'flex', alignItems: 'center', justifyContent: 'center' }}><Empty description="暂无数据" data-testid="chart-empty" /></div>;
  // no animation: a dashboard is read, and a printed or captured chart must be complete
  return <ReactEChartsCore echarts={echarts} option={{ animation: false, ...option }} style={{ height }} notMerge lazyUpdate />;
}
